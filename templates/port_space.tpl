{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites/{{SITE_ID}}/ports?port={{PORT_ID}}">Floor ports</a></p>
<h1>Space of floor port {{LABEL}}</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<p>Now in: <span class="current-space">{{CURRENT}}</span></p>
<form class="card form" method="post" action="/sites/{{SITE_ID}}/ports/{{PORT_ID}}/space" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#F_SPACE_INVALID}} invalid{{/F_SPACE_INVALID}}">
<label for="f-space">Space</label>
<select id="f-space" name="space" aria-describedby="h-space{{#F_SPACE_INVALID}} e-space{{/F_SPACE_INVALID}}"{{#F_SPACE_INVALID}} aria-invalid="true"{{/F_SPACE_INVALID}}><option value="">None</option>{{#SPACE_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} ({{KIND}})</option>{{/SPACE_OPT}}</select>
<p class="hint" id="h-space">The office, suite or desk the port is in; the occupier holding that space sees it among its contract's spaces.</p>
{{#F_SPACE_INVALID}}<p class="err" id="e-space">{{F_SPACE_ERR}}</p>{{/F_SPACE_INVALID}}
</div>
<div class="buttons"><button type="submit" class="primary">Save</button> <a href="/sites/{{SITE_ID}}/ports?port={{PORT_ID}}">Cancel</a></div>
</form>
