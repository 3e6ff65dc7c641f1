{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a> › <a href="/sites/{{SITE_ID}}/floors">Floors and spaces</a></p>
<h1>{{#EDITING}}Edit space{{/EDITING}}{{#CREATING}}Add a space{{/CREATING}}</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/sites/{{SITE_ID}}/spaces/{{#EDITING}}{{SPACE_ID}}/edit{{/EDITING}}{{#CREATING}}new{{/CREATING}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#F_FLOOR_INVALID}} invalid{{/F_FLOOR_INVALID}}">
<label for="f-floor">Floor <span class="req">(required)</span></label>
<select id="f-floor" name="floor"{{#F_FLOOR_INVALID}} aria-describedby="e-floor"{{/F_FLOOR_INVALID}}{{#F_FLOOR_INVALID}} aria-invalid="true"{{/F_FLOOR_INVALID}}><option value="">Choose a floor</option>{{#FLOOR_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/FLOOR_OPT}}</select>
{{#F_FLOOR_INVALID}}<p class="err" id="e-floor">{{F_FLOOR_ERR}}</p>{{/F_FLOOR_INVALID}}
</div>
<div class="field{{#F_NAME_INVALID}} invalid{{/F_NAME_INVALID}}">
<label for="f-name">Name <span class="req">(required)</span></label>
<input id="f-name" name="name" type="text" maxlength="100" required placeholder="Office 3.12" value="{{F_NAME}}"{{#F_NAME_INVALID}} aria-describedby="e-name"{{/F_NAME_INVALID}}{{#F_NAME_INVALID}} aria-invalid="true"{{/F_NAME_INVALID}}>
{{#F_NAME_INVALID}}<p class="err" id="e-name">{{F_NAME_ERR}}</p>{{/F_NAME_INVALID}}
</div>
<div class="field{{#F_KIND_INVALID}} invalid{{/F_KIND_INVALID}}">
<label for="f-kind">Kind <span class="req">(required)</span></label>
<select id="f-kind" name="kind"{{#F_KIND_INVALID}} aria-describedby="e-kind"{{/F_KIND_INVALID}}{{#F_KIND_INVALID}} aria-invalid="true"{{/F_KIND_INVALID}}><option value="">Choose a kind</option>{{#KIND_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/KIND_OPT}}</select>
{{#F_KIND_INVALID}}<p class="err" id="e-kind">{{F_KIND_ERR}}</p>{{/F_KIND_INVALID}}
</div>
<div class="field{{#F_CAPACITY_INVALID}} invalid{{/F_CAPACITY_INVALID}}">
<label for="f-capacity">Capacity <span class="req">(required)</span></label>
<input id="f-capacity" name="capacity" type="text" maxlength="6" required value="{{F_CAPACITY}}" aria-describedby="h-capacity{{#F_CAPACITY_INVALID}} e-capacity{{/F_CAPACITY_INVALID}}"{{#F_CAPACITY_INVALID}} aria-invalid="true"{{/F_CAPACITY_INVALID}}>
<p class="hint" id="h-capacity">People it seats.</p>
{{#F_CAPACITY_INVALID}}<p class="err" id="e-capacity">{{F_CAPACITY_ERR}}</p>{{/F_CAPACITY_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">Save space</button>
<a href="/sites/{{SITE_ID}}/floors">Cancel</a>
</div>
</form>