{{%AUTOESCAPE context="HTML"}}<section class="usage-block" aria-labelledby="usage-head">
<h3 id="usage-head">Usage charges</h3>
<p class="hint">Calls and bandwidth bursts, charged on top of the monthly services above (rated on import: see <a href="{{USAGE_HREF}}">Usage</a> for allowances and itemised calls).</p>
{{#HAS_USAGE}}<table class="grid usage-lines">
<thead><tr><th scope="col">Line</th><th scope="col">Detail</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
{{#LINE}}<tr><td data-label="Line">{{LABEL}}</td><td data-label="Detail">{{DETAIL}}</td><td class="num" data-label="Amount">{{AMOUNT}}</td></tr>
{{/LINE}}</tbody>
<tfoot><tr><th scope="row" colspan="2" class="num">Usage charges</th><td class="num"><strong>{{USAGE_TOTAL}}</strong></td></tr></tfoot>
</table>{{/HAS_USAGE}}
{{#NO_USAGE}}<p class="muted">No usage charges this month.</p>{{/NO_USAGE}}
{{#USAGE_UNAVAILABLE}}<p class="notice" role="status">Usage charges cannot be shown just now.</p>{{/USAGE_UNAVAILABLE}}
</section>
