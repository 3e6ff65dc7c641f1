{{%AUTOESCAPE context="HTML"}}{{>OCC_NAV}}
{{#PAGE_HEAD}}<header class="page-head">
<div>
<h1>{{HEADING}}</h1>
<p class="sub">{{SUB}}</p>
</div>
</header>{{/PAGE_HEAD}}
<section class="tab-body users">
{{#IN_TAB}}<header class="section-head"><h2>Users of {{OCC_NAME}}</h2></header>
<p class="hint">The people of {{OCC_NAME}} who sign in to see its services, phone numbers, devices, charges and cases, at every site.</p>{{/IN_TAB}}
{{#LINK}}<div class="card link-once" role="status" id="link-once">
<h2>Set-password link for {{NAME}}</h2>
<p>Tenantry has e-mailed this link to {{NAME}} ({{EMAIL}}); you may also pass it on yourself. It works once, until {{EXPIRES}}. It is shown only now: Tenantry keeps no copy.</p>
<p><label for="set-password-link" class="sr">Set-password link</label><input id="set-password-link" class="link" type="text" readonly value="{{URL}}"> <button type="button" class="small js-only" data-copy="set-password-link">Copy link</button></p>
<p class="hint">Open it in the browser of the person concerned: <a href="{{URL}}" rel="noreferrer" id="set-password-href">{{URL}}</a></p>
</div>{{/LINK}}
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was changed:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#HAS_USERS}}<table class="grid users">
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col" class="num">Sessions</th><th scope="col"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#USER}}<tr id="user-{{ID}}">
<td data-label="Name">{{NAME}}{{#IS_ME}} <span class="muted">(you)</span>{{/IS_ME}}</td>
<td data-label="Email">{{EMAIL}}</td>
<td data-label="Role">{{ROLE_LABEL}}</td>
<td data-label="Status"><span class="badge {{STATUS_CLASS}}">{{STATUS}}</span></td>
<td class="num" data-label="Sessions">{{SESSIONS}}</td>
<td class="act" data-label="Actions">{{#CAN_ROLE}}<form method="post" action="{{ACTION}}/{{ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="role"><label for="role-{{ID}}" class="sr">Role of {{NAME}}</label><select id="role-{{ID}}" name="role">{{#ROLE_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPT}}</select> <button type="submit" class="small">Change role<span class="sr"> of {{NAME}}</span></button></form> {{/CAN_ROLE}}{{#CAN_DISABLE}}<form method="post" action="{{ACTION}}/{{ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="disable"><button type="submit" class="small">Disable<span class="sr"> {{NAME}}</span></button></form> {{/CAN_DISABLE}}{{#CAN_ENABLE}}<form method="post" action="{{ACTION}}/{{ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="enable"><button type="submit" class="small">Enable<span class="sr"> {{NAME}}</span></button></form> {{/CAN_ENABLE}}{{#CAN_LINK}}<form method="post" action="{{ACTION}}/{{ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="link"><button type="submit" class="small">New set-password link<span class="sr"> for {{NAME}}</span></button></form> {{/CAN_LINK}}{{#CAN_REMOVE}}<form method="post" action="{{ACTION}}/{{ID}}" class="inline" data-confirm="{{CONFIRM}}" data-confirm-label="Remove the user"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="remove"><button type="submit" class="small danger">Remove<span class="sr"> {{NAME}}</span></button></form>{{/CAN_REMOVE}}</td>
</tr>
{{/USER}}</tbody>
</table>{{/HAS_USERS}}
{{#NO_USERS}}<div class="empty"><p>It is empty here: nobody signs in yet.</p></div>{{/NO_USERS}}
<form class="card form" method="post" action="{{ACTION}}" novalidate>
<h2>{{ADD_HEADING}}</h2>
<p class="hint">They receive an e-mail with a one-time link to set their password; the link is shown to you too.</p>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="row2">
<div class="field{{#F_NAME_INVALID}} invalid{{/F_NAME_INVALID}}">
<label for="f-name">Name <span class="req">(required)</span></label>
<input id="f-name" name="name" type="text" maxlength="200" required value="{{F_NAME}}"{{#F_NAME_INVALID}} aria-invalid="true" aria-describedby="e-name"{{/F_NAME_INVALID}}>
{{#F_NAME_INVALID}}<p class="err" id="e-name">{{F_NAME_ERR}}</p>{{/F_NAME_INVALID}}
</div>
<div class="field{{#F_EMAIL_INVALID}} invalid{{/F_EMAIL_INVALID}}">
<label for="f-email">Email <span class="req">(required)</span></label>
<input id="f-email" name="email" type="email" maxlength="254" required value="{{F_EMAIL}}"{{#F_EMAIL_INVALID}} aria-invalid="true" aria-describedby="e-email"{{/F_EMAIL_INVALID}}>
{{#F_EMAIL_INVALID}}<p class="err" id="e-email">{{F_EMAIL_ERR}}</p>{{/F_EMAIL_INVALID}}
</div>
</div>
<div class="field{{#F_ROLE_INVALID}} invalid{{/F_ROLE_INVALID}}">
<label for="f-role">Role <span class="req">(required)</span></label>
<select id="f-role" name="role" required{{#F_ROLE_INVALID}} aria-invalid="true" aria-describedby="e-role"{{/F_ROLE_INVALID}}>
{{#ADD_ROLE_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ADD_ROLE_OPT}}</select>
{{#F_ROLE_INVALID}}<p class="err" id="e-role">{{F_ROLE_ERR}}</p>{{/F_ROLE_INVALID}}
</div>
<div class="buttons"><button type="submit" class="primary">{{ADD_BUTTON}}</button></div>
</form>
</section>
