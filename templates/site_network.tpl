{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a></p>
<h1>Network</h1>
</div>
</header>
{{#DONE}}<p class="flash" role="status">{{MSG}}</p>{{/DONE}}
{{#CAN_EDIT}}<div class="actions"><a class="button primary" href="/sites/{{SITE_ID}}/switches/new">Add a switch</a> <a class="button" href="/sites/{{SITE_ID}}/ports/new">Add floor ports</a> <a class="button" href="/sites/{{SITE_ID}}/ports/import">Import floor ports</a> <a class="button" href="/sites/{{SITE_ID}}/ips/new">Add a public IP pool</a> <a class="button" href="/sites/{{SITE_ID}}/ipv6/new">Add an IPv6 pool</a>{{#HAS_V6_POOLS}} <a class="button" href="/sites/{{SITE_ID}}/ipv6/delegate">Delegate an IPv6 prefix</a>{{/HAS_V6_POOLS}}</div>{{/CAN_EDIT}}
<section aria-labelledby="sw-h">
<h2 id="sw-h">Switches</h2>
{{#HAS_SWITCHES}}<table class="grid">
<thead><tr><th scope="col">Name</th><th scope="col">Model</th><th scope="col" class="num">Ports</th><th scope="col" class="num">Floor ports on it</th></tr></thead>
<tbody>
{{#SWITCH}}<tr><td data-label="Name">{{NAME}}</td><td data-label="Model">{{MODEL}}</td><td class="num" data-label="Ports">{{PORTS}}</td><td class="num" data-label="Floor ports on it">{{USED}}</td></tr>
{{/SWITCH}}</tbody>
</table>{{/HAS_SWITCHES}}
{{#NO_SWITCHES}}<p class="empty">No switches yet.</p>{{/NO_SWITCHES}}
</section>
<section aria-labelledby="ip-h">
<h2 id="ip-h">Public IP pools</h2>
<p class="hint">{{POOL_FREE}} of {{POOL_TOTAL}} addresses free. Each /29 block gives 5 usable addresses.</p>
{{#HAS_POOLS}}<table class="grid">
<thead><tr><th scope="col">Block</th><th scope="col" class="num">Addresses</th><th scope="col" class="num">Free</th></tr></thead>
<tbody>
{{#POOL}}<tr><td data-label="Block">{{CIDR}}</td><td class="num" data-label="Addresses">{{ADDRESSES}}</td><td class="num" data-label="Free">{{FREE}}</td></tr>
{{/POOL}}</tbody>
</table>{{/HAS_POOLS}}
{{#NO_POOLS}}<p class="empty">No pools added here yet.</p>{{/NO_POOLS}}
</section>
<section aria-labelledby="v6-h">
<h2 id="v6-h">IPv6 pools</h2>
{{#HAS_V6_POOLS}}<table class="grid">
<thead><tr><th scope="col">Prefix</th><th scope="col">Delegates</th><th scope="col" class="num">Delegated</th><th scope="col" class="num">Of</th></tr></thead>
<tbody>
{{#V6_POOL}}<tr><td data-label="Prefix">{{PREFIX}}</td><td data-label="Delegates">/{{DLEN}}</td><td class="num" data-label="Delegated">{{USED}}</td><td class="num" data-label="Of">{{TOTAL}}</td></tr>
{{/V6_POOL}}</tbody>
</table>{{/HAS_V6_POOLS}}
{{#NO_V6_POOLS}}<p class="empty">No IPv6 pools added here yet.</p>{{/NO_V6_POOLS}}
{{#HAS_V6_DLG}}<h3 id="v6d-h">Delegated prefixes</h3>
<table class="grid">
<thead><tr><th scope="col">Prefix</th><th scope="col">Occupier</th><th scope="col">Since</th><th scope="col" class="act">Actions</th></tr></thead>
<tbody>
{{#V6_DLG}}<tr><td data-label="Prefix">{{PREFIX}}</td><td data-label="Occupier"><a href="/occupiers/{{OCC_ID}}">{{OCC_NAME}}</a></td><td data-label="Since">{{DAY}}</td><td class="act" data-label="Actions">{{#CAN_RELEASE}}<form method="post" action="/sites/{{SITE_ID}}/ipv6/release" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="delegation" value="{{ID}}"><button type="submit" class="small">Release<span class="sr"> {{PREFIX}}</span></button></form>{{/CAN_RELEASE}}</td></tr>
{{/V6_DLG}}</tbody>
</table>
{{#V6_MORE}}<p><a href="{{HREF}}">Later delegations</a></p>{{/V6_MORE}}{{/HAS_V6_DLG}}
</section>
