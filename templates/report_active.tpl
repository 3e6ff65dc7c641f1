{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><p class="crumbs"><a href="/reports">Reports</a></p>
<h1>Active services report</h1><p class="sub">Services active on {{TODAY}}, per site and service. Margin = price − cost.</p></div>
<div class="actions"><a class="button" href="/reports/active-services.csv?kind=summary">Summary CSV</a><a class="button" href="/reports/active-services.csv?kind=full">Full CSV</a></div></header>
{{#HAS_ROWS}}<table class="grid">
<thead><tr><th scope="col">Site</th><th scope="col">Service</th><th scope="col" class="num">QTY</th><th scope="col" class="num">Cost (unit)</th><th scope="col" class="num">RRP (unit)</th><th scope="col" class="num">Price (total)</th><th scope="col" class="num">Cost (total)</th><th scope="col" class="num">Margin</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Site">{{SITE}}</td><td data-label="Service">{{SERVICE}}</td><td class="num" data-label="QTY">{{QTY}}</td><td class="num" data-label="Cost (unit)">{{COST}}</td><td class="num" data-label="RRP (unit)">{{RRP}}</td><td class="num" data-label="Price (total)">{{PRICE_TOTAL}}</td><td class="num" data-label="Cost (total)">{{COST_TOTAL}}</td><td class="num{{#NEGATIVE}} negative{{/NEGATIVE}}" data-label="Margin">{{MARGIN}}</td></tr>
{{/ROW}}</tbody>
<tfoot><tr><th scope="row" colspan="2">Total</th><td class="num">{{QTY}}</td><td></td><td></td><td class="num"><strong>{{PRICE_TOTAL}}</strong></td><td class="num">{{COST_TOTAL}}</td><td class="num"><strong>{{MARGIN}}</strong></td></tr></tfoot>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: no service is active.</p></div>{{/EMPTY}}
