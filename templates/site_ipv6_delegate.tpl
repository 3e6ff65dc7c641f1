{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a> › <a href="/sites/{{SITE_ID}}/network">Network</a></p>
<h1>Delegate an IPv6 prefix</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/sites/{{SITE_ID}}/ipv6/delegate" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#F_POOL_INVALID}} invalid{{/F_POOL_INVALID}}">
<label for="f-pool">Pool</label>
<select id="f-pool" name="pool"{{#F_POOL_INVALID}} aria-describedby="e-pool" aria-invalid="true"{{/F_POOL_INVALID}}>{{#POOL_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{PREFIX}} (a /{{DLEN}} each)</option>{{/POOL_OPT}}</select>
{{#F_POOL_INVALID}}<p class="err" id="e-pool">{{F_POOL_ERR}}</p>{{/F_POOL_INVALID}}
</div>
<div class="field{{#F_OCC_INVALID}} invalid{{/F_OCC_INVALID}}">
{{>OCC_PICK}}
<p class="hint">An occupier with a contract at this site. It gets the lowest prefix of the pool no one has.</p>
{{#F_OCC_INVALID}}<p class="err" id="e-occ">{{F_OCC_ERR}}</p>{{/F_OCC_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">Delegate</button>
<a href="/sites/{{SITE_ID}}/network">Cancel</a>
</div>
</form>
