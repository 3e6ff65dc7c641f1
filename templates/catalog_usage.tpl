{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><p class="crumbs"><a href="/catalog">Catalog</a></p><h1>Usage rates</h1>
<p class="sub">What usage billing charges calls and bandwidth bursts with: the destination groups, the rate table of each tariff (the longest matching prefix of the called number wins), the tariffs' inclusive minutes and the bandwidth tiers' committed rates. New rates rate the calls imported from then on; a month already invoiced is never billed again.</p></div></header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was changed:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#DONE}}<div class="flash" role="status">Rate card loaded: {{COUNTS}}.</div>{{/DONE}}
{{#EMPTY}}<p class="empty">No usage rates yet: calls are reported but not charged until a tariff has a rate table. Load a rate card below.</p>{{/EMPTY}}
<section class="card" aria-labelledby="groups-h"><h2 id="groups-h">Destination groups</h2>
<table class="grid"><thead><tr><th scope="col">Code</th><th scope="col">Name (on charge lines)</th></tr></thead>
<tbody>{{#GROUP}}<tr><td><code>{{CODE}}</code></td><td>{{NAME}}</td></tr>
{{/GROUP}}</tbody></table></section>
{{#TARIFF}}<section class="card" aria-labelledby="t-{{CODE}}"><h2 id="t-{{CODE}}">{{NAME}} <small class="muted"><code>{{CODE}}</code></small></h2>
<table class="grid"><thead><tr><th scope="col">Prefix</th><th scope="col">Group</th><th scope="col" class="num">Per minute ({{MINOR}})</th><th scope="col" class="num">Set-up ({{MINOR}})</th><th scope="col" class="num">Minimum ({{MINOR}})</th><th scope="col">Increments (first/step s)</th></tr></thead>
<tbody>{{#RATE}}<tr><td>{{PREFIX}}</td><td>{{GROUP_NAME}}</td><td class="num">{{PER_MINUTE}}</td><td class="num">{{SETUP}}</td><td class="num">{{MINIMUM}}</td><td>{{INCREMENTS}}</td></tr>
{{/RATE}}</tbody></table></section>
{{/TARIFF}}
<section class="card" aria-labelledby="allow-h"><h2 id="allow-h">Allowances</h2>
<table class="grid"><thead><tr><th scope="col">Tariff</th><th scope="col">Group</th><th scope="col">Inclusive minutes a month</th></tr></thead>
<tbody>{{#ALLOWANCE}}<tr><td>{{TARIFF_NAME}}</td><td>{{GROUP_NAME}}</td><td>{{MINUTES}}</td></tr>
{{/ALLOWANCE}}</tbody></table></section>
<section class="card" aria-labelledby="tier-h"><h2 id="tier-h">Bandwidth tiers</h2>
<table class="grid"><thead><tr><th scope="col">Service</th><th scope="col" class="num">Committed Mbps</th><th scope="col" class="num">Burst a Mbps a month</th></tr></thead>
<tbody>{{#TIER}}<tr><td>{{NAME}}</td><td class="num">{{MBPS}}</td><td class="num">{{PER_MBPS}}</td></tr>
{{/TIER}}</tbody></table></section>
{{#CAN_EDIT}}<section class="card" aria-labelledby="card-h"><h2 id="card-h">Load a rate card</h2>
<form method="post" action="/catalog/usage" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#F_CARD_INVALID}} invalid{{/F_CARD_INVALID}}">
<label for="f-card">Rate card</label>
<textarea id="f-card" name="card" rows="16" cols="80" spellcheck="false" aria-describedby="f-card-hint"{{#F_CARD_INVALID}} aria-invalid="true"{{/F_CARD_INVALID}}>{{F_CARD:pre_escape}}</textarea>
<p class="hint" id="f-card-hint">One item a line, its kind first: <code>group,CODE,NAME</code>; <code>rate,TARIFF,PREFIX,GROUP,PER_MINUTE,SETUP,MINIMUM,FIRST,STEP</code> (prices in {{MINOR}} with up to three decimals, increments in seconds); <code>allowance,TARIFF,GROUP,MINUTES or unlimited,per_line or total</code>; <code>tier,SERVICE,COMMITTED_MBPS,BURST_PER_MBPS</code>. Tariffs and services by their catalog code. Each tariff the card names gets exactly its rates and allowances; what it does not name stays; groups are added, never removed. The same file loads with <code>tenantry usage rates</code>.</p>
</div>
<div class="buttons"><button type="submit" class="primary">Load rate card</button></div>
</form></section>{{/CAN_EDIT}}
