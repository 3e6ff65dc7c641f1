{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a> › <a href="/sites/{{SITE_ID}}/network">Network</a></p>
<h1>Add a public IP pool</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/sites/{{SITE_ID}}/ips/new" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#F_CIDR_INVALID}} invalid{{/F_CIDR_INVALID}}">
<label for="f-cidr">Block <span class="req">(required)</span></label>
<input id="f-cidr" name="cidr" type="text" maxlength="32" required placeholder="203.0.113.0/24" value="{{F_CIDR}}" aria-describedby="h-cidr{{#F_CIDR_INVALID}} e-cidr{{/F_CIDR_INVALID}}"{{#F_CIDR_INVALID}} aria-invalid="true"{{/F_CIDR_INVALID}}>
<p class="hint" id="h-cidr">An IPv4 block in CIDR form, from a /22 to a /29. It is split into /29 blocks of 5 usable addresses each (the network address, the gateway and the broadcast address of each /29 are not given out). It may not overlap any pool of any of your sites.</p>
{{#F_CIDR_INVALID}}<p class="err" id="e-cidr">{{F_CIDR_ERR}}</p>{{/F_CIDR_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">Add pool</button>
<a href="/sites/{{SITE_ID}}/network">Cancel</a>
</div>
</form>