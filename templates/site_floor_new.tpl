{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a> › <a href="/sites/{{SITE_ID}}/floors">Floors and spaces</a></p>
<h1>Add a floor</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/sites/{{SITE_ID}}/floors/new" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#F_NAME_INVALID}} invalid{{/F_NAME_INVALID}}">
<label for="f-name">Name <span class="req">(required)</span></label>
<input id="f-name" name="name" type="text" maxlength="100" required placeholder="Level 4" value="{{F_NAME}}"{{#F_NAME_INVALID}} aria-describedby="e-name"{{/F_NAME_INVALID}}{{#F_NAME_INVALID}} aria-invalid="true"{{/F_NAME_INVALID}}>
{{#F_NAME_INVALID}}<p class="err" id="e-name">{{F_NAME_ERR}}</p>{{/F_NAME_INVALID}}
</div>
<div class="field{{#F_LEVEL_INVALID}} invalid{{/F_LEVEL_INVALID}}">
<label for="f-level">Level <span class="req">(required)</span></label>
<input id="f-level" name="level" type="text" maxlength="4" required value="{{F_LEVEL}}" aria-describedby="h-level{{#F_LEVEL_INVALID}} e-level{{/F_LEVEL_INVALID}}"{{#F_LEVEL_INVALID}} aria-invalid="true"{{/F_LEVEL_INVALID}}>
<p class="hint" id="h-level">Floors are listed in this order; 0 is the ground floor.</p>
{{#F_LEVEL_INVALID}}<p class="err" id="e-level">{{F_LEVEL_ERR}}</p>{{/F_LEVEL_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">Add floor</button>
<a href="/sites/{{SITE_ID}}/floors">Cancel</a>
</div>
</form>