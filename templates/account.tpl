{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<h1>Account</h1>
<p class="sub">{{EMAIL}} · {{ROLE_LABEL}} · {{OPERATOR}}{{#OCCUPIER}} · {{OCCUPIER_NAME}}{{/OCCUPIER}}</p>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was changed:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<div class="two-col">
<form class="card form" method="post" action="/account" novalidate>
<h2>Profile</h2>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="op" value="profile">
<dl class="facts">
<dt>Email</dt><dd>{{EMAIL}}</dd>
<dt>Role</dt><dd>{{ROLE_LABEL}}</dd>
<dt>Operator</dt><dd>{{OPERATOR}}</dd>
{{#OCCUPIER}}<dt>Company</dt><dd>{{OCCUPIER_NAME}}</dd>{{/OCCUPIER}}
</dl>
<div class="field{{#F_NAME_INVALID}} invalid{{/F_NAME_INVALID}}">
<label for="f-name">Name <span class="req">(required)</span></label>
<input id="f-name" name="name" type="text" maxlength="200" required autocomplete="name" value="{{F_NAME}}"{{#F_NAME_INVALID}} aria-invalid="true" aria-describedby="e-name"{{/F_NAME_INVALID}}>
{{#F_NAME_INVALID}}<p class="err" id="e-name">{{F_NAME_ERR}}</p>{{/F_NAME_INVALID}}
</div>
<div class="buttons"><button type="submit">Save name</button></div>
</form>
<section class="card"><h2>Two-factor sign-in</h2>
<p><a href="/account/two-factor">Set up or turn off two-factor sign-in</a> (a code from an authenticator app at every sign-in).</p></section>
<form class="card form" method="post" action="/account" novalidate>
<h2>Change password</h2>
<p class="hint">At least 10 characters. Your other sessions end when it is changed.</p>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="op" value="password">
<input type="text" name="username" value="{{EMAIL}}" autocomplete="username" hidden>
<div class="field{{#F_CURRENT_PASSWORD_INVALID}} invalid{{/F_CURRENT_PASSWORD_INVALID}}">
<label for="f-current_password">Current password <span class="req">(required)</span></label>
<input id="f-current_password" name="current_password" type="password" autocomplete="current-password" required{{#F_CURRENT_PASSWORD_INVALID}} aria-invalid="true" aria-describedby="e-current_password"{{/F_CURRENT_PASSWORD_INVALID}}>
{{#F_CURRENT_PASSWORD_INVALID}}<p class="err" id="e-current_password">{{F_CURRENT_PASSWORD_ERR}}</p>{{/F_CURRENT_PASSWORD_INVALID}}
</div>
<div class="field{{#F_NEW_PASSWORD_INVALID}} invalid{{/F_NEW_PASSWORD_INVALID}}">
<label for="f-new_password">New password <span class="req">(required)</span></label>
<input id="f-new_password" name="new_password" type="password" autocomplete="new-password" minlength="10" required{{#F_NEW_PASSWORD_INVALID}} aria-invalid="true" aria-describedby="e-new_password"{{/F_NEW_PASSWORD_INVALID}}>
{{#F_NEW_PASSWORD_INVALID}}<p class="err" id="e-new_password">{{F_NEW_PASSWORD_ERR}}</p>{{/F_NEW_PASSWORD_INVALID}}
</div>
<div class="field{{#F_CONFIRM_PASSWORD_INVALID}} invalid{{/F_CONFIRM_PASSWORD_INVALID}}">
<label for="f-confirm_password">New password again <span class="req">(required)</span></label>
<input id="f-confirm_password" name="confirm_password" type="password" autocomplete="new-password" minlength="10" required{{#F_CONFIRM_PASSWORD_INVALID}} aria-invalid="true" aria-describedby="e-confirm_password"{{/F_CONFIRM_PASSWORD_INVALID}}>
{{#F_CONFIRM_PASSWORD_INVALID}}<p class="err" id="e-confirm_password">{{F_CONFIRM_PASSWORD_ERR}}</p>{{/F_CONFIRM_PASSWORD_INVALID}}
</div>
<div class="buttons"><button type="submit" class="primary">Change password</button></div>
</form>
</div>
<section class="card sessions" aria-labelledby="sessions-head">
<h2 id="sessions-head">Sessions</h2>
<p class="hint">Where you are signed in. End a session you do not recognise, then change your password.</p>
<table class="grid sessions">
<thead><tr><th scope="col">Signed in</th><th scope="col">Last seen</th><th scope="col">Address</th><th scope="col">Browser</th><th scope="col"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#SESSION}}<tr id="session-{{ID}}"{{#THIS}} class="this-session"{{/THIS}}><td data-label="Signed in"><time datetime="{{CREATED_ISO}}">{{CREATED}}</time>{{#THIS}} <span class="badge active">This session</span>{{/THIS}}</td><td data-label="Last seen"><time datetime="{{LAST_SEEN_ISO}}">{{LAST_SEEN}}</time></td><td data-label="Address">{{ADDRESS}}</td><td class="agent" data-label="Browser">{{AGENT}}</td><td class="act" data-label="Actions"><form method="post" action="/account/sessions/{{ID}}" class="inline" data-confirm="{{CONFIRM}}" data-confirm-label="End the session"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="small">End session{{#THIS}} (signs you out){{/THIS}}</button></form></td></tr>
{{/SESSION}}</tbody>
</table>
</section>
