{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div><p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a></p>
<h1>Telephony at {{SITE_NAME}}</h1>
<p class="sub phone-counts">{{TOTAL}} phone numbers{{#COUNT}} · <span class="count-{{KEY}}">{{N}} {{LABEL}}</span>{{/COUNT}}</p></div>
<div class="actions">{{#CAN_ADD_NUMBERS}}<a class="button" href="/sites/{{SITE_ID}}/numbers/new">Add numbers</a> {{/CAN_ADD_NUMBERS}}<a class="button" href="{{CSV_HREF}}">Export CSV</a> <a class="button" href="/sites/{{SITE_ID}}/usage">Billing Usage Report</a></div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was changed:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="toolbar filters" method="get" action="/sites/{{SITE_ID}}/telephony">
<label for="f-state">State</label>
<select id="f-state" name="state" data-autosubmit>
{{#STATE_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATE_OPT}}</select>
<label for="f-holder">Holder</label>
<select id="f-holder" name="holder">
<option value="all">All holders</option>
<option value="operator"{{#HOLDER_OPERATOR_SELECTED}} selected{{/HOLDER_OPERATOR_SELECTED}}>Operator</option>
<option value="none"{{#HOLDER_NONE_SELECTED}} selected{{/HOLDER_NONE_SELECTED}}>No holder</option>
<option value="occupier"{{#HOLDER_OCC_SELECTED}} selected{{/HOLDER_OCC_SELECTED}}>The occupier:</option>
</select>
{{>HOLDER_PICK}}
<label for="f-q">Number</label>
<input id="f-q" name="q" type="search" inputmode="tel" size="14" value="{{F_Q}}" placeholder="digits">
<button type="submit">Apply</button>
</form>
<form class="toolbar bulk" method="post" action="/sites/{{SITE_ID}}/telephony" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="bulk_allocate">
<input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="q" value="{{F_Q}}">
<label for="f-count">Allocate the next</label>
<input id="f-count" name="count" inputmode="numeric" size="4" value="{{F_COUNT}}"{{#F_COUNT_INVALID}} aria-invalid="true"{{/F_COUNT_INVALID}}>
<span>available numbers</span>
{{>TO_PICK}}
<button type="submit" name="to" value="occupier">Allocate</button> <button type="submit" name="to" value="operator" class="secondary">Reserve for the operator</button>
</form>
{{#NO_CONTRACTS}}<p class="hint">No occupier has a contract at {{SITE_NAME}}: numbers can be reserved for the operator only.</p>{{/NO_CONTRACTS}}
{{#HAS_ROWS}}<table class="grid phones">
<thead><tr><th scope="col">Number</th><th scope="col">State</th><th scope="col">Holder</th><th scope="col">Details</th><th scope="col"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Number"><span class="nowrap">{{NUMBER}}</span>{{#MAIN}} <span class="badge main">Main</span>{{/MAIN}}{{#PORTED}} <span class="badge ported">Ported in</span>{{/PORTED}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td><td data-label="Holder">{{#HOLDER_OCC}}<a href="/occupiers/{{HOLDER_ID}}/sites/{{SITE_ID}}/telephony">{{HOLDER_NAME}}</a>{{/HOLDER_OCC}}{{#HOLDER_OP}}Operator{{/HOLDER_OP}}{{#HOLDER_NONE}}<span class="muted">None</span>{{/HOLDER_NONE}}</td><td data-label="Details">{{#SINCE}}Active since {{DAY}}{{/SINCE}}{{#UNTIL}}Available again on {{DAY}}{{/UNTIL}}</td><td class="act" data-label="Actions">{{#CAN_ALLOCATE}}<form method="post" action="/sites/{{SITE_ID}}/telephony" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="q" value="{{F_Q}}"><input type="hidden" name="op" value="allocate"><input type="hidden" name="number" value="{{ID}}">{{>TO_PICK}} <button type="submit" class="small" name="to" value="occupier">Allocate<span class="sr"> {{NUMBER}}</span></button> <button type="submit" class="small secondary" name="to" value="operator">To the operator<span class="sr">: {{NUMBER}}</span></button></form>{{/CAN_ALLOCATE}}{{#CAN_ACTIVATE}}<form method="post" action="/sites/{{SITE_ID}}/telephony" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="q" value="{{F_Q}}"><input type="hidden" name="op" value="activate"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small">Activate<span class="sr"> {{NUMBER}}</span></button></form> {{/CAN_ACTIVATE}}{{#CAN_DEALLOCATE}}<form method="post" action="/sites/{{SITE_ID}}/telephony" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="q" value="{{F_Q}}"><input type="hidden" name="op" value="deallocate"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small">Deallocate<span class="sr"> {{NUMBER}}</span></button></form>{{/CAN_DEALLOCATE}}{{#CAN_DEACTIVATE}}<form method="post" action="/sites/{{SITE_ID}}/telephony" class="inline" data-confirm="{{CONFIRM}}" data-confirm-label="Deactivate the number"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="q" value="{{F_Q}}"><input type="hidden" name="op" value="deactivate"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small">Deactivate<span class="sr"> {{NUMBER}}</span></button></form>{{/CAN_DEACTIVATE}}{{#CAN_REINSTATE}}<form method="post" action="/sites/{{SITE_ID}}/telephony" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="q" value="{{F_Q}}"><input type="hidden" name="op" value="reinstate"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small">Reinstate<span class="sr"> {{NUMBER}}</span></button></form>{{/CAN_REINSTATE}}{{#CAN_RETIRE}} <form method="post" action="/sites/{{SITE_ID}}/telephony" class="inline" data-confirm="Retire {{NUMBER}}? It leaves the pool: it will not be allocated until it is restored." data-confirm-label="Retire the number"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="q" value="{{F_Q}}"><input type="hidden" name="op" value="retire"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small secondary">Retire<span class="sr"> {{NUMBER}}</span></button></form>{{/CAN_RETIRE}}{{#CAN_RESTORE}}<form method="post" action="/sites/{{SITE_ID}}/telephony" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="{{F_STATE}}"><input type="hidden" name="holder" value="{{F_HOLDER}}"><input type="hidden" name="q" value="{{F_Q}}"><input type="hidden" name="op" value="restore"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small">Restore to the pool<span class="sr">: {{NUMBER}}</span></button></form>{{/CAN_RESTORE}}</td></tr>
{{/ROW}}</tbody>
</table>
{{#PAGER}}<nav class="pager" aria-label="Pages of numbers">{{#PREV}}<a rel="prev" href="{{HREF}}">← Previous</a>{{/PREV}} {{#NEXT}}<a rel="next" href="{{HREF}}">Next →</a>{{/NEXT}}</nav>{{/PAGER}}
<p class="hint">Deallocate is for reserved numbers; an active number is deactivated first and then cools off before it is available again. A number deactivated by mistake can be reinstated to the occupier that held it within 24 hours. A retired number (returned to its carrier, ported out) stays on record and is never allocated; an operator admin can restore it to the pool.</p>{{/HAS_ROWS}}
{{#EMPTY_FILTERED}}<div class="empty"><p>It is empty here: no number at {{SITE_NAME}} matches these filters.</p><p><a href="/sites/{{SITE_ID}}/telephony">Show all numbers</a></p></div>{{/EMPTY_FILTERED}}
{{#EMPTY}}<div class="empty"><p>It is empty here: {{SITE_NAME}} has no phone numbers yet.</p></div>{{/EMPTY}}
<form class="toolbar cdr-upload" method="post" action="/sites/{{SITE_ID}}/usage/import" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="calls">
<label for="f-cdr">Call records (CSV from the phone platform)</label>
<input id="f-cdr" name="file" type="file" accept=".csv,text/csv" required>
<button type="submit">Import call records</button>
<a href="/sites/{{SITE_ID}}/usage/import">More about the file</a>
</form>
