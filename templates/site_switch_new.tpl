{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a> › <a href="/sites/{{SITE_ID}}/network">Network</a></p>
<h1>Add a switch</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/sites/{{SITE_ID}}/switches/new" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="hint">An access switch of {{SITE_NAME}}; add its floor ports afterwards.</p>
<div class="field{{#F_NAME_INVALID}} invalid{{/F_NAME_INVALID}}">
<label for="f-name">Name <span class="req">(required)</span></label>
<input id="f-name" name="name" type="text" maxlength="64" required placeholder="sw-cw-3" value="{{F_NAME}}" aria-describedby="h-name{{#F_NAME_INVALID}} e-name{{/F_NAME_INVALID}}"{{#F_NAME_INVALID}} aria-invalid="true"{{/F_NAME_INVALID}}>
<p class="hint" id="h-name">The name floor ports refer to, unique at this site.</p>
{{#F_NAME_INVALID}}<p class="err" id="e-name">{{F_NAME_ERR}}</p>{{/F_NAME_INVALID}}
</div>
<div class="field{{#F_MODEL_INVALID}} invalid{{/F_MODEL_INVALID}}">
<label for="f-model">Model</label>
<input id="f-model" name="model" type="text" maxlength="100" value="{{F_MODEL}}"{{#F_MODEL_INVALID}} aria-describedby="e-model"{{/F_MODEL_INVALID}}{{#F_MODEL_INVALID}} aria-invalid="true"{{/F_MODEL_INVALID}}>
{{#F_MODEL_INVALID}}<p class="err" id="e-model">{{F_MODEL_ERR}}</p>{{/F_MODEL_INVALID}}
</div>
<div class="field{{#F_PORTS_INVALID}} invalid{{/F_PORTS_INVALID}}">
<label for="f-ports">Ports <span class="req">(required)</span></label>
<input id="f-ports" name="ports" type="text" maxlength="8" required value="{{F_PORTS}}" aria-describedby="h-ports{{#F_PORTS_INVALID}} e-ports{{/F_PORTS_INVALID}}"{{#F_PORTS_INVALID}} aria-invalid="true"{{/F_PORTS_INVALID}}>
<p class="hint" id="h-ports">Ports numbered from 1; at most 9999.</p>
{{#F_PORTS_INVALID}}<p class="err" id="e-ports">{{F_PORTS_ERR}}</p>{{/F_PORTS_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">Add switch</button>
<a href="/sites/{{SITE_ID}}/network">Cancel</a>
</div>
</form>