{{%AUTOESCAPE context="HTML"}}{{>OCC_NAV}}
<section class="tab-body">
{{#CASE_NEEDED}}<div class="notice" role="status">{{SERVICE}} needs a case with its set-up details before it can work. <a class="button primary" href="{{HREF}}">Raise a case</a></div>{{/CASE_NEEDED}}
<header class="section-head">
<h2>Services at {{SITE_NAME}}</h2>
<div class="actions">
<form class="filters" method="get" action="{{BASE}}/services">
<label for="f-contract" class="sr">Contract filter</label>
<select id="f-contract" name="contract" data-autosubmit title="Contract filter">
{{#CF_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CF_OPT}}</select>
<label for="f-service" class="sr">Service filter</label>
<select id="f-service" name="service" data-autosubmit title="Service filter">
{{#SF_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SF_OPT}}</select>
<button type="submit" class="js-hide">Apply</button>
</form>
{{#CAN_MANAGE}}<a class="button primary" href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/services/manage" data-dialog>{{MANAGE_LABEL}}</a>{{/CAN_MANAGE}}
</div>
</header>
{{#HAS_ROWS}}<table class="grid services">
<thead><tr><th scope="col">Service</th><th scope="col">Contract</th><th scope="col">Start date</th><th scope="col">Activated</th>{{#SHOW_COST}}<th scope="col" class="num">Cost</th><th scope="col" class="num">RRP</th>{{/SHOW_COST}}<th scope="col" class="num">Price</th><th scope="col" class="num">QTY</th><th scope="col" class="num">Total</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#ROW}}<tr>
<td data-label="Service"><span class="svc-name">{{NAME}}</span>{{#RETIRED}} <span class="chip retired">Retired</span>{{/RETIRED}}<span class="svc-desc">{{DESCRIPTION}}</span></td>
<td data-label="Contract"><span class="ref">{{CONTRACT}}</span><span class="svc-desc">{{CONTRACT_STATUS}}</span></td>
<td class="nowrap" data-label="Start date">{{START}}</td>
<td class="nowrap" data-label="Activated">{{ACTIVATED}}{{#NOT_ACTIVATED}}<span class="muted">Not yet</span>{{/NOT_ACTIVATED}}</td>
{{#SHOW_COST}}<td class="num" data-label="Cost">{{COST}}{{#ZERO_COST}}<a class="note-ref" href="#zero-cost" title="Cost 0.00: see the note below">*</a>{{/ZERO_COST}}</td>
<td class="num" data-label="RRP">{{RRP}}</td>{{/SHOW_COST}}
<td class="num" data-label="Price">{{PRICE}}</td>
<td class="num" data-label="QTY">{{QTY}}</td>
<td class="num" data-label="Total">{{TOTAL}}</td>
<td data-label="Status"><span class="badge {{STATUS_CLASS}}">{{STATUS}}</span>{{#AWAITING_ACTIVATION}}<span class="svc-desc">Starts when activated</span>{{/AWAITING_ACTIVATION}}{{#ENDED}}<span class="svc-desc">Removed {{DAY}}</span>{{/ENDED}}</td>
</tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here.</p>{{#FILTERED}}<p>No service matches these filters. <a href="{{BASE}}/services">Show all services</a></p>{{/FILTERED}}</div>{{/EMPTY}}
<div class="infra" role="group" aria-label="Provisioned infrastructure">
<h3>Provisioned infrastructure</h3>
<ul>{{#INFRA}}<li{{#OVER}} class="over"{{/OVER}}><span class="infra-label">{{LABEL}}</span> <span class="frac">{{FRACTION}}</span></li>{{/INFRA}}</ul>
<p class="hint">In use / allocated (active and scheduled services). Total per month: <strong>{{MONTH_TOTAL}}</strong></p>
</div>
{{#ZERO_COST_NOTE}}<p class="note" id="zero-cost">* {{ZERO_COST_TEXT}}</p>{{/ZERO_COST_NOTE}}
</section>
