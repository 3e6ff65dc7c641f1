{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a></p>
<h1>Network</h1>
</div>
</header>
{{#DONE}}<p class="flash" role="status">{{MSG}}</p>{{/DONE}}
{{#CAN_EDIT}}<div class="actions"><a class="button primary" href="/sites/{{SITE_ID}}/switches/new">Add a switch</a> <a class="button" href="/sites/{{SITE_ID}}/ports/new">Add floor ports</a> <a class="button" href="/sites/{{SITE_ID}}/ports/import">Import floor ports</a> <a class="button" href="/sites/{{SITE_ID}}/ips/new">Add a public IP pool</a></div>{{/CAN_EDIT}}
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
