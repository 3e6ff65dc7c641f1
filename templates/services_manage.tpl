{{%AUTOESCAPE context="HTML"}}{{#FULL}}{{>OCC_NAV}}{{/FULL}}
{{#MOVEIN_STEPS}}<ol class="steps" aria-label="Move-in"><li class="done">1 Occupier</li><li class="done">2 Site and contract</li><li aria-current="step">3 Services</li></ol>{{/MOVEIN_STEPS}}
<form id="manage" class="manage" method="post" action="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/services/manage" novalidate aria-labelledby="manage-title" data-changed="{{CHANGED}}">
<button type="submit" name="op" value="recalc" class="default-submit" tabindex="-1" aria-hidden="true">Recalculate</button>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<header class="manage-head">
<h2 id="manage-title">{{MANAGE_LABEL}}</h2>
<a class="close" href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/services" aria-label="Close without saving">✕</a>
</header>
{{#NOTICE}}<div class="notice" role="alert">{{TEXT}}</div>{{/NOTICE}}
{{#HAS_TOP_MSGS}}<div class="errors" role="alert"><ul>{{#TOP_MSG}}<li>{{MSG}}</li>{{/TOP_MSG}}</ul></div>{{/HAS_TOP_MSGS}}
{{#NO_CONTRACT}}<div class="notice" role="alert">{{OCC_NAME}} has no current contract at this site. No contract means no service: <a href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/contracts/new">create a contract</a> first.</div>{{/NO_CONTRACT}}
<div class="manage-grid">
<section class="available" aria-labelledby="avail-title">
<h3 id="avail-title">Available services</h3>
<div class="search"><label for="svc-search">Search services</label>
<input id="svc-search" name="q" type="search" value="{{Q}}" maxlength="200" autocomplete="off">
<button type="submit" name="op" value="search" class="js-hide">Search</button></div>
<ul class="avail-list">
{{#AVAIL}}<li{{#HIDDEN}} hidden{{/HIDDEN}} data-name="{{NAME}} {{CATEGORY}}"><span class="svc-name" tabindex="0" title="{{DESCRIPTION}}" aria-describedby="tip-{{ID}}">{{NAME}}</span><span class="svc-cat">{{CATEGORY}}</span><span class="svc-price">{{RRP}} a month</span><span class="tip" role="tooltip" id="tip-{{ID}}">{{DESCRIPTION}}</span><button type="submit" name="add" value="{{ID}}" class="add" aria-label="Add {{NAME}}" title="Add {{NAME}}">→</button></li>
{{/AVAIL}}</ul>
{{#NO_AVAIL}}<p class="muted">No available service matches.</p>{{/NO_AVAIL}}
</section>
<section class="plan" aria-labelledby="plan-title">
<h3 id="plan-title">Services for {{OCC_NAME}}</h3>
<table class="grid plan-table">
<thead><tr><th scope="col">Service</th><th scope="col">Contract</th><th scope="col">Start date</th><th scope="col" class="num">Cost</th><th scope="col" class="num">RRP</th><th scope="col" class="num">Price</th><th scope="col" class="num">QTY</th><th scope="col" class="num">Total</th><th scope="col"><span class="sr">Remove</span></th></tr></thead>
<tbody>
{{#ROW}}<tr class="row{{#INVALID}} invalid{{/INVALID}}" id="row-{{I}}">
<td data-label="Service"><input type="hidden" name="row[{{I}}][id]" value="{{ID}}"><input type="hidden" name="row[{{I}}][service]" value="{{SERVICE_ID}}"><span class="svc-name">{{NAME}}</span>{{#RETIRED}} <span class="chip retired">Retired</span>{{/RETIRED}}<span class="svc-desc">{{DESCRIPTION}}</span>{{#BUMPED}}<span class="bumped" role="status">Already on the plan: QTY raised to {{QTY}}</span>{{/BUMPED}}{{#EXCLUDED}}<span class="excl-mark">Cannot be taken together with {{WITH}}</span>{{/EXCLUDED}}</td>
<td data-label="Contract">{{#FIXED_CONTRACT}}<span class="ref">{{REF}}</span><input type="hidden" name="row[{{I}}][contract]" value="{{ID}}">{{/FIXED_CONTRACT}}{{#CHOOSE_CONTRACT}}<label class="sr" for="c-{{I}}">Contract for {{NAME}}</label><select id="c-{{I}}" name="row[{{I}}][contract]">{{#NONE_SELECTED}}<option value="">Select a contract…</option>{{/NONE_SELECTED}}{{#OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{REF}}</option>{{/OPT}}</select>{{/CHOOSE_CONTRACT}}</td>
<td data-label="Start date">{{START}}</td>
<td class="num" data-label="Cost">{{COST}}{{#ZERO_COST}}<a class="note-ref" href="#zero-cost" title="Cost 0.00: see the note below">*</a>{{/ZERO_COST}}</td>
<td class="num" data-label="RRP">{{RRP}}</td>
<td class="num" data-label="Price"><label class="sr" for="p-{{I}}">Price per unit for {{NAME}}</label><input id="p-{{I}}" class="money" name="row[{{I}}][price]" value="{{PRICE}}" inputmode="decimal" size="8"></td>
<td class="num" data-label="QTY"><label class="sr" for="q-{{I}}">QTY of {{NAME}}</label><input id="q-{{I}}" class="qty" name="row[{{I}}][qty]" value="{{QTY}}" inputmode="numeric" size="4"></td>
<td class="num total" data-label="Total">{{TOTAL}}</td>
<td class="act" data-label="Remove"><button type="submit" name="remove" value="{{I}}" class="remove" aria-label="Remove {{NAME}}" title="Remove">✕</button></td>
</tr>
{{#KEPT}}<tr class="msgs kept"><td colspan="9"><p>{{TEXT}}</p></td></tr>{{/KEPT}}{{#INVALID}}<tr class="msgs"><td colspan="9"><ul>{{#MSG}}<li>{{TEXT}}</li>{{/MSG}}</ul></td></tr>{{/INVALID}}
{{/ROW}}{{#NO_ROWS}}<tr><td colspan="9" class="empty-row">It is empty here: add services from the list on the left.</td></tr>{{/NO_ROWS}}
</tbody>
</table>
{{#HAS_DROPS}}<div class="drops" role="status"><p>Removed when you save:</p><ul>{{#DROP}}<li><input type="hidden" name="drop" value="{{ID}}">{{NAME}}{{#CAN_RESTORE}} <button type="submit" name="restore" value="{{ID}}" class="link">Undo</button>{{/CAN_RESTORE}}</li>{{/DROP}}</ul></div>{{/HAS_DROPS}}
<p class="note" id="zero-cost">* {{ZERO_COST_TEXT}}</p>
</section>
</div>
<footer class="manage-foot">
<div class="foot-infra"><span class="foot-title">Provisioned infrastructure</span> <ul class="infra-inline">{{#INFRA}}<li{{#OVER}} class="over"{{/OVER}}><span class="infra-label">{{LABEL}}</span> <span class="frac">{{FRACTION}}</span></li>{{/INFRA}}</ul></div>
<p class="foot-total{{#TOTAL_INVALID}} invalid{{/TOTAL_INVALID}}">Total per month <strong class="grand">{{MONTH_TOTAL}}</strong>{{#TOTAL_INVALID}} <span class="svc-desc" id="total-why">Not computed: {{NBAD}} row{{#PLURAL}}s{{/PLURAL}} above {{#PLURAL}}have{{/PLURAL}}{{#SINGULAR}}has{{/SINGULAR}} an invalid price or QTY.</span>{{/TOTAL_INVALID}}</p>
<div class="foot-buttons">
<button type="submit" name="op" value="recalc" class="recalc">Recalculate</button>
<button type="submit" name="op" value="save" class="primary save"{{#BLOCKED}} disabled aria-describedby="blocked-why"{{/BLOCKED}}>{{SAVE_LABEL}}</button>
<a href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/services" class="cancel">Cancel</a>
</div>
{{#BLOCKED}}<p class="err" id="blocked-why">Saving is disabled until the problems shown are fixed.</p>{{/BLOCKED}}
</footer>
</form>
