{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div><p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a></p>
<h1>Telephony at {{SITE_NAME}}</h1>
<p class="sub phone-counts">{{TOTAL}} phone numbers{{#COUNT}} · <span class="count-{{KEY}}">{{N}} {{LABEL}}</span>{{/COUNT}}</p></div>
<div class="actions">{{#CAN_ADD_NUMBERS}}<a class="button" href="/sites/{{SITE_ID}}/numbers/new">Add numbers</a> {{/CAN_ADD_NUMBERS}}<a class="button" href="{{CSV_HREF}}">Export CSV</a> <a class="button" href="/sites/{{SITE_ID}}/usage">Billing Usage Report</a></div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was changed:</p><ul>{{#ERRORS}}<li>{{#HAS_FIELD}}<a href="#{{FIELD}}">{{/HAS_FIELD}}{{MSG}}{{#HAS_FIELD}}</a>{{/HAS_FIELD}}</li>{{/ERRORS}}</ul></div>{{/HAS_ERRORS}}
<form class="toolbar filters" method="get" action="/sites/{{SITE_ID}}/telephony">
<label for="f-state">State</label>
<select id="f-state" name="state" data-autosubmit>
{{#STATE_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATE_OPT}}</select>
<label for="f-holder">Holder</label>
<select id="f-holder" name="holder" data-autosubmit>
<option value="all">All holders</option>
<option value="operator"{{#HOLDER_OPERATOR_SELECTED}} selected{{/HOLDER_OPERATOR_SELECTED}}>Operator</option>
<option value="none"{{#HOLDER_NONE_SELECTED}} selected{{/HOLDER_NONE_SELECTED}}>No holder</option>
{{#HOLDER_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/HOLDER_OPT}}</select>
<button type="submit" class="js-hide">Apply</button>
</form>
<form class="toolbar bulk" method="post" action="/sites/{{SITE_ID}}/telephony" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="bulk_allocate">
<input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}">
<label for="f-count">Allocate the next</label>
<input id="f-count" name="count" inputmode="numeric" size="4" value="{{F_COUNT}}"{{#F_COUNT_INVALID}} aria-invalid="true"{{/F_COUNT_INVALID}}>
<label for="f-to">available numbers to</label>
<select id="f-to" name="to"><option value="operator">the operator</option>{{#TO_OPT}}<option value="{{OCC_ID}}">{{OCC_NAME}}</option>{{/TO_OPT}}</select>
<button type="submit">Allocate</button>
</form>
{{#NO_CONTRACTS}}<p class="hint">No occupier has a contract at {{SITE_NAME}}: numbers can be reserved for the operator only.</p>{{/NO_CONTRACTS}}
{{#HAS_ROWS}}<table class="grid phones">
<thead><tr><th scope="col">Number</th><th scope="col">State</th><th scope="col">Holder</th><th scope="col">Details</th><th scope="col"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#ROW}}<tr><td class="nowrap">{{NUMBER}}{{#MAIN}} <span class="badge main">Main</span>{{/MAIN}}</td><td><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td><td>{{#HOLDER_OCC}}<a href="/occupiers/{{HOLDER_ID}}/sites/{{SITE_ID}}/telephony">{{HOLDER_NAME}}</a>{{/HOLDER_OCC}}{{#HOLDER_OP}}Operator{{/HOLDER_OP}}{{#HOLDER_NONE}}<span class="muted">None</span>{{/HOLDER_NONE}}</td><td>{{#SINCE}}Active since {{DAY}}{{/SINCE}}{{#UNTIL}}Available again on {{DAY}}{{/UNTIL}}</td><td class="act">{{#CAN_ALLOCATE}}<form method="post" action="/sites/{{SITE_ID}}/telephony" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="op" value="allocate"><input type="hidden" name="number" value="{{ID}}"><label class="sr" for="to-{{ID}}">Allocate {{NUMBER}} to</label><select id="to-{{ID}}" name="to"><option value="operator">Operator</option>{{#TO_OPT}}<option value="{{OCC_ID}}">{{OCC_NAME}}</option>{{/TO_OPT}}</select> <button type="submit" class="small">Allocate<span class="sr"> {{NUMBER}}</span></button></form>{{/CAN_ALLOCATE}}{{#CAN_ACTIVATE}}<form method="post" action="/sites/{{SITE_ID}}/telephony" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="op" value="activate"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small">Activate<span class="sr"> {{NUMBER}}</span></button></form> {{/CAN_ACTIVATE}}{{#CAN_DEALLOCATE}}<form method="post" action="/sites/{{SITE_ID}}/telephony" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="op" value="deallocate"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small">Deallocate<span class="sr"> {{NUMBER}}</span></button></form>{{/CAN_DEALLOCATE}}{{#CAN_DEACTIVATE}}<form method="post" action="/sites/{{SITE_ID}}/telephony" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="op" value="deactivate"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small">Deactivate<span class="sr"> {{NUMBER}}</span></button></form>{{/CAN_DEACTIVATE}}</td></tr>
{{/ROW}}</tbody>
</table>
<p class="hint">Deallocate is for reserved numbers; an active number is deactivated first and then cools off before it is available again.</p>{{/HAS_ROWS}}
{{#EMPTY_FILTERED}}<div class="empty"><p>It is empty here: no number at {{SITE_NAME}} matches these filters.</p><p><a href="/sites/{{SITE_ID}}/telephony">Show all numbers</a></p></div>{{/EMPTY_FILTERED}}
{{#EMPTY}}<div class="empty"><p>It is empty here: {{SITE_NAME}} has no phone numbers yet.</p></div>{{/EMPTY}}
<form class="toolbar cdr-upload" method="post" action="/sites/{{SITE_ID}}/usage/import" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="calls">
<label for="f-cdr">Call records (CSV from the phone platform)</label>
<input id="f-cdr" name="file" type="file" accept=".csv,text/csv" required>
<button type="submit">Import call records</button>
<a href="/sites/{{SITE_ID}}/usage/import">More about the file</a>
</form>
