{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a> › <a href="/sites/{{SITE_ID}}/network">Network</a></p>
<h1>Add an IPv6 pool</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/sites/{{SITE_ID}}/ipv6/new" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#F_PREFIX_INVALID}} invalid{{/F_PREFIX_INVALID}}">
<label for="f-prefix">Prefix <span class="req">(required)</span></label>
<input id="f-prefix" name="prefix" type="text" maxlength="64" required placeholder="2001:db8:100::/48" value="{{F_PREFIX}}" aria-describedby="h-prefix{{#F_PREFIX_INVALID}} e-prefix{{/F_PREFIX_INVALID}}"{{#F_PREFIX_INVALID}} aria-invalid="true"{{/F_PREFIX_INVALID}}>
<p class="hint" id="h-prefix">An IPv6 prefix in CIDR form, from a /32 to a /60, written with its first address. It may not overlap an IPv6 pool of any of your sites.</p>
{{#F_PREFIX_INVALID}}<p class="err" id="e-prefix">{{F_PREFIX_ERR}}</p>{{/F_PREFIX_INVALID}}
</div>
<div class="field{{#F_DLEN_INVALID}} invalid{{/F_DLEN_INVALID}}">
<label for="f-dlen">Delegate to each occupier</label>
<select id="f-dlen" name="dlen"{{#F_DLEN_INVALID}} aria-describedby="e-dlen" aria-invalid="true"{{/F_DLEN_INVALID}}><option value="56"{{#DLEN_56}} selected{{/DLEN_56}}>a /56 (256 /64 networks)</option><option value="64"{{#DLEN_64}} selected{{/DLEN_64}}>a /64 (one network)</option></select>
{{#F_DLEN_INVALID}}<p class="err" id="e-dlen">{{F_DLEN_ERR}}</p>{{/F_DLEN_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">Add pool</button>
<a href="/sites/{{SITE_ID}}/network">Cancel</a>
</div>
</form>
