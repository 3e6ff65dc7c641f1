{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a> › <a href="/sites/{{SITE_ID}}/network">Network</a></p>
<h1>Add floor ports</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/sites/{{SITE_ID}}/ports/new" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="hint">New floor ports are unassigned and inactive. No label or switch port may already be in use at this site.</p>
<div class="field{{#F_FLOOR_INVALID}} invalid{{/F_FLOOR_INVALID}}">
<label for="f-floor">Floor <span class="req">(required)</span></label>
<select id="f-floor" name="floor"{{#F_FLOOR_INVALID}} aria-describedby="e-floor"{{/F_FLOOR_INVALID}}{{#F_FLOOR_INVALID}} aria-invalid="true"{{/F_FLOOR_INVALID}}><option value="">Choose a floor</option>{{#FLOOR_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/FLOOR_OPT}}</select>
{{#F_FLOOR_INVALID}}<p class="err" id="e-floor">{{F_FLOOR_ERR}}</p>{{/F_FLOOR_INVALID}}
</div>
<div class="field{{#F_PATTERN_INVALID}} invalid{{/F_PATTERN_INVALID}}">
<label for="f-pattern">Pattern <span class="req">(required)</span></label>
<input id="f-pattern" name="pattern" type="text" maxlength="64" required placeholder="CW-3-{01..48}" value="{{F_PATTERN}}" aria-describedby="h-pattern{{#F_PATTERN_INVALID}} e-pattern{{/F_PATTERN_INVALID}}"{{#F_PATTERN_INVALID}} aria-invalid="true"{{/F_PATTERN_INVALID}}>
<p class="hint" id="h-pattern">One label with a {first..last} group; a leading zero pads every label to the same width. At most 256 ports.</p>
{{#F_PATTERN_INVALID}}<p class="err" id="e-pattern">{{F_PATTERN_ERR}}</p>{{/F_PATTERN_INVALID}}
</div>
<div class="field{{#F_SWITCH_INVALID}} invalid{{/F_SWITCH_INVALID}}">
<label for="f-switch">Switch <span class="req">(required)</span></label>
<select id="f-switch" name="switch"{{#F_SWITCH_INVALID}} aria-describedby="e-switch"{{/F_SWITCH_INVALID}}{{#F_SWITCH_INVALID}} aria-invalid="true"{{/F_SWITCH_INVALID}}><option value="">Choose a switch</option>{{#SWITCH_OPT}}<option value="{{NAME}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} (ports 1–{{PORTS}})</option>{{/SWITCH_OPT}}</select>
{{#F_SWITCH_INVALID}}<p class="err" id="e-switch">{{F_SWITCH_ERR}}</p>{{/F_SWITCH_INVALID}}
</div>
<div class="field{{#F_PORTS_INVALID}} invalid{{/F_PORTS_INVALID}}">
<label for="f-ports">Switch ports <span class="req">(required)</span></label>
<input id="f-ports" name="ports" type="text" maxlength="16" required placeholder="1-48" value="{{F_PORTS}}" aria-describedby="h-ports{{#F_PORTS_INVALID}} e-ports{{/F_PORTS_INVALID}}"{{#F_PORTS_INVALID}} aria-invalid="true"{{/F_PORTS_INVALID}}>
<p class="hint" id="h-ports">As many ports as the pattern gives labels; the first label goes on the first port.</p>
{{#F_PORTS_INVALID}}<p class="err" id="e-ports">{{F_PORTS_ERR}}</p>{{/F_PORTS_INVALID}}
</div>
<div class="field{{#F_ROLE_INVALID}} invalid{{/F_ROLE_INVALID}}">
<label for="f-role">Role <span class="req">(required)</span></label>
<select id="f-role" name="role"{{#F_ROLE_INVALID}} aria-describedby="e-role"{{/F_ROLE_INVALID}}{{#F_ROLE_INVALID}} aria-invalid="true"{{/F_ROLE_INVALID}}>{{#ROLE_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ROLE_OPT}}</select>
{{#F_ROLE_INVALID}}<p class="err" id="e-role">{{F_ROLE_ERR}}</p>{{/F_ROLE_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">Add floor ports</button>
<a href="/sites/{{SITE_ID}}/network">Cancel</a>
</div>
</form>