{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div><p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a></p>
<h1>Floor ports</h1><p class="sub">{{SITE_NAME}} · Public IP pool: {{POOL_FREE}} of {{POOL_TOTAL}} addresses free</p></div>
<div class="actions"><a class="button" href="/sites/{{SITE_ID}}">Back to {{SITE_NAME}}</a></div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was changed:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#EDIT}}<section class="card form" id="edit" aria-labelledby="edit-title">
<h2 id="edit-title">Floor port {{LABEL}}</h2>
<p class="sub">Switch {{SWITCH}}, switch port {{SWITCH_PORT}} · {{STATE}}</p>
<form method="post" action="/sites/{{SITE_ID}}/ports" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="edit"><input type="hidden" name="port" value="{{PORT_ID}}">
<div class="row2">
<div class="field">{{>E_PICK}}<p class="hint">Empty: unassigned.</p></div>
<div class="field"><label for="e-role">Switch port role</label>
<select id="e-role" name="role">{{#E_ROLE_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/E_ROLE_OPT}}</select></div>
</div>
<p class="port-space">Space: {{SPACE}}{{#CAN_SPACE}} · <a href="/sites/{{SITE_ID}}/ports/{{PORT_ID}}/space">Change space<span class="sr"> of {{LABEL}}</span></a>{{/CAN_SPACE}}</p>
<p class="hint">An active port keeps its holder: deactivate it first to unassign it.</p>
<div class="buttons"><button type="submit" class="primary">Save floor port</button><a href="/sites/{{SITE_ID}}/ports">Cancel</a></div>
</form>
</section>{{/EDIT}}
<form id="bulk" method="post" action="/sites/{{SITE_ID}}/ports" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="card">
<legend>Checked floor ports</legend>
<div class="row2">
<div class="field">{{>B_PICK}}</div>
<div class="field"><label for="b-role">Switch port role</label>
<select id="b-role" name="role"><option value="">Keep each port's role</option>{{#ROLE_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPT}}</select></div>
</div>
{{#NO_OCCUPIERS}}<p class="hint">No occupier has a contract at this site yet.</p>{{/NO_OCCUPIERS}}
<p class="hint">An assigned port counts as a Switch port in use once it is active; an occupier can hold and activate as many ports as its services allocate.</p>
<div class="buttons">
<button type="submit" name="op" value="assign" class="primary">Assign to occupier</button>
<button type="submit" name="op" value="role">Set role</button>
<button type="submit" name="op" value="activate">Activate</button>
<button type="submit" name="op" value="deactivate">Deactivate</button>
<button type="submit" name="op" value="unassign" data-confirm="The checked floor ports go back to the pool: their holders lose them now, and they no longer count in their Switch ports." data-confirm-label="Unassign the ports">Unassign</button>
</div>
</fieldset>
{{#HAS_FLOORS}}{{#FLOOR}}<section class="floor" aria-labelledby="floor-{{ID}}">
<h2 id="floor-{{ID}}">{{NAME}} <small>{{NPORTS}} floor ports</small></h2>
{{#HAS_PORTS}}<table class="grid ports">
<thead><tr><th scope="col"><span class="sr">Select</span></th><th scope="col">Label</th><th scope="col">Switch</th><th scope="col" class="num">Switch port</th><th scope="col">Role</th><th scope="col">Holder</th><th scope="col">State</th><th scope="col" class="act"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#PORT}}<tr{{#EDITING}} class="editing"{{/EDITING}} id="port-{{ID}}"><td data-label="Select"><input type="checkbox" name="port" value="{{ID}}" id="p-{{ID}}"{{#CHECKED}} checked{{/CHECKED}}></td><td data-label="Label"><label for="p-{{ID}}">{{LABEL}}</label></td><td data-label="Switch">{{SWITCH}}</td><td class="num" data-label="Switch port">{{SWITCH_PORT}}</td><td data-label="Role">{{ROLE}}</td><td data-label="Holder">{{#HOLDER}}<a href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/devices">{{OCC_NAME}}</a>{{/HOLDER}}{{#NO_HOLDER}}<span class="muted">Unassigned</span>{{/NO_HOLDER}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td><td class="act" data-label="Actions">{{#CAN_ACTIVATE}}<button type="submit" form="op-activate" name="port" value="{{ID}}" class="small">Activate<span class="sr"> {{LABEL}}</span></button> {{/CAN_ACTIVATE}}{{#CAN_DEACTIVATE}}<button type="submit" form="op-deactivate" name="port" value="{{ID}}" class="small">Deactivate<span class="sr"> {{LABEL}}</span></button> {{/CAN_DEACTIVATE}}{{#CAN_UNASSIGN}}<button type="submit" form="op-unassign" name="port" value="{{ID}}" class="small" data-confirm="{{CONFIRM}}" data-confirm-label="Unassign the port">Unassign<span class="sr"> {{LABEL}}</span></button> {{/CAN_UNASSIGN}}<a href="/sites/{{SITE_ID}}/ports?port={{ID}}{{KEEP}}#edit">Edit<span class="sr"> {{LABEL}}</span></a></td></tr>
{{/PORT}}</tbody>
</table>{{/HAS_PORTS}}
{{#NO_PORTS}}<p class="empty">No floor ports on this floor.</p>{{/NO_PORTS}}
</section>
{{/FLOOR}}{{/HAS_FLOORS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: this site has no floors yet.</p></div>{{/EMPTY}}
{{#PAGER}}<nav class="pager" aria-label="Pages">
{{#PREV}}<a rel="prev" href="{{HREF}}">← Previous</a>{{/PREV}}
{{#NEXT}}<a rel="next" href="{{HREF}}">Next →</a>{{/NEXT}}
</nav>{{/PAGER}}
</form>
<form id="op-activate" method="post" action="/sites/{{SITE_ID}}/ports"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="activate"></form>
<form id="op-deactivate" method="post" action="/sites/{{SITE_ID}}/ports"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="deactivate"></form>
<form id="op-unassign" method="post" action="/sites/{{SITE_ID}}/ports"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="unassign"></form>
