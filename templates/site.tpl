{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div><p class="crumbs"><a href="/sites">Sites</a></p>
<h1>{{SITE_NAME}}</h1><p class="sub">{{SITE_ADDRESS}}</p></div>
<div class="actions"><a class="button primary" href="/sites/{{SITE_ID}}/ports">Manage floor ports</a> <a class="button" href="/sites/{{SITE_ID}}/floors">Floors &amp; spaces</a> <a class="button" href="/sites/{{SITE_ID}}/network">Network</a> <a class="button" href="/sites/{{SITE_ID}}/telephony">Telephony</a> <a class="button" href="/sites/{{SITE_ID}}/usage">Billing Usage Report</a>{{#CAN_EDIT}} <a class="button" href="/sites/{{SITE_ID}}/edit">Edit site</a>{{/CAN_EDIT}}{{#CAN_ARCHIVE}} <form class="inline" method="post" action="/sites/{{SITE_ID}}/archive"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="do" value="archive"><button type="submit">Archive site</button></form>{{/CAN_ARCHIVE}}</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#ARCHIVED}}<div class="notice" role="note"><p><strong>Archived on {{DATE}}.</strong> This site takes no new contract and is left out of move-in and new catalog services; its floors, ports, history, charges and invoices stay.</p>{{#CAN_RESTORE}}<form method="post" action="/sites/{{SITE_ID}}/archive"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="do" value="restore"><button type="submit">Restore site</button></form>{{/CAN_RESTORE}}</div>{{/ARCHIVED}}
<p class="hint">Public IP pool: {{POOL_FREE}} of {{POOL_TOTAL}} addresses free.</p>
{{#HAS_FLOORS}}{{#FLOOR}}<section class="floor" aria-labelledby="floor-{{ID}}">
<h2 id="floor-{{ID}}">{{NAME}} <small>{{NPORTS}} floor ports</small></h2>
{{#HAS_PORTS}}<table class="grid">
<thead><tr><th scope="col">Label</th><th scope="col">Switch</th><th scope="col" class="num">Switch port</th><th scope="col">Role</th><th scope="col">Holder</th><th scope="col">State</th></tr></thead>
<tbody>
{{#PORT}}<tr><td data-label="Label">{{LABEL}}</td><td data-label="Switch">{{SWITCH}}</td><td class="num" data-label="Switch port">{{SWITCH_PORT}}</td><td data-label="Role">{{ROLE}}</td><td data-label="Holder">{{#HOLDER}}<a href="/occupiers/{{OCC_ID}}">{{OCC_NAME}}</a>{{/HOLDER}}{{#NO_HOLDER}}<span class="muted">Unassigned</span>{{/NO_HOLDER}}</td><td data-label="State">{{STATE}}</td></tr>
{{/PORT}}</tbody>
</table>{{/HAS_PORTS}}
{{#NO_PORTS}}<p class="empty">No floor ports on this floor.</p>{{/NO_PORTS}}
</section>
{{/FLOOR}}{{/HAS_FLOORS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: this site has no floors yet.</p></div>{{/EMPTY}}
