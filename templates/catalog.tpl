{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><h1>Catalog</h1>
<p class="sub">{{#CAN_EDIT}}Open a service to change its RRP, description, sites and rules.{{/CAN_EDIT}}{{#READ_ONLY}}Read-only: operator admins change the catalog.{{/READ_ONLY}}</p></div>
<div class="actions">{{#CAN_EDIT}}<a class="button primary" href="/catalog/new">Add a service</a> {{/CAN_EDIT}}<a class="button" href="/catalog/billing">VAT and billing codes</a> <a class="button" href="/catalog/usage">Usage rates</a></div></header>
{{#HAS_ROWS}}<table class="grid catalog">
<thead><tr><th scope="col">Service</th><th scope="col">Category</th><th scope="col" class="num">Cost</th><th scope="col" class="num">RRP</th><th scope="col">Entitles (per unit)</th><th scope="col">Rules</th><th scope="col">Sites</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Service"><a href="/catalog/{{ID}}">{{NAME}}</a><span class="svc-desc">{{DESCRIPTION}}</span>{{#NEEDS_CASE}}<span class="svc-desc">Needs a case</span>{{/NEEDS_CASE}}{{#RETIRED}}<span class="chip retired">Retired</span>{{/RETIRED}}</td><td data-label="Category">{{CATEGORY}}</td><td class="num" data-label="Cost">{{COST}}</td><td class="num" data-label="RRP">{{RRP}}</td><td data-label="Entitles (per unit)">{{ENTITLES}}</td><td data-label="Rules"><ul class="rules">{{#RULE}}<li>{{TEXT}}</li>{{/RULE}}</ul></td><td data-label="Sites">{{SITES}}</td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: the catalog has no services.</p></div>{{/EMPTY}}
