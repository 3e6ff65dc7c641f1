{{%AUTOESCAPE context="HTML"}}{{>OCC_NAV}}
<section class="tab-body">
<header class="section-head">
<h2>Contracts at {{SITE_NAME}}</h2>
<div class="actions"><a class="button primary" href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/contracts/new">New contract</a></div>
</header>
{{#RECORD}}<section class="card record" id="record" aria-labelledby="record-h"><h3 id="record-h">Occupier details</h3>
<dl><dt>Legal name</dt><dd>{{LEGAL_NAME}}</dd><dt>Company number</dt><dd>{{COMPANY_NO}}</dd><dt>VAT number</dt><dd>{{VAT_NUMBER}}</dd><dt>Billing address</dt><dd class="pre">{{BILLING_ADDRESS:pre_escape}}</dd>
<dt>Billing contacts</dt><dd>{{#CONTACT}}<span class="contact">{{NAME}} &lt;{{EMAIL}}&gt;</span> {{/CONTACT}}</dd></dl>
<p><a href="/occupiers/{{OCC_ID}}/edit">Edit occupier</a></p></section>{{/RECORD}}
<p class="hint">Statuses as on {{TODAY}}.</p>
{{#HAS_ROWS}}<table class="grid">
<thead><tr><th scope="col">Reference</th><th scope="col">Start date</th><th scope="col">End date</th><th scope="col">Status</th><th scope="col">Terms</th><th scope="col">Spaces</th><th scope="col"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#ROW}}<tr><td class="ref" data-label="Reference">{{REFERENCE}}</td><td data-label="Start date">{{START}}</td><td data-label="End date">{{END}}</td><td data-label="Status"><span class="badge {{STATUS_CLASS}}">{{STATUS}}</span></td><td data-label="Terms">{{TERMS}}</td><td class="spaces" data-label="Spaces">{{#SPACE}}<span class="space">{{NAME}} ({{DETAIL}})</span> {{/SPACE}}{{#NO_SPACE}}None{{/NO_SPACE}}</td><td class="act" data-label="Actions"><a href="/occupiers/{{OCC_ID}}/contracts/{{ID}}/edit">Edit<span class="sr"> {{REFERENCE}}</span></a> <a href="/occupiers/{{OCC_ID}}/contracts/{{ID}}/spaces">Spaces<span class="sr"> of {{REFERENCE}}</span></a></td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#MOVEOUT}}<div class="moveout" id="moveout">
<h3>Move-out on {{END}}</h3>
<p class="hint">On its end date the daily job:</p>
<ul class="checklist">
{{#ITEM}}<li>{{TEXT}}</li>
{{/ITEM}}{{#SITE_KEPT}}<li>keeps the phone numbers, floor ports, public IP addresses and Wi-Fi devices here: another contract at this site goes on</li>
{{/SITE_KEPT}}{{#USERS_DISABLED}}<li>disables the occupier's users: no other contract goes on</li>
{{/USERS_DISABLED}}</ul>
</div>{{/MOVEOUT}}
{{#EMPTY}}<div class="empty"><p>It is empty here: {{OCC_NAME}} has no contract at {{SITE_NAME}}.</p><a class="button primary" href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/contracts/new">New contract</a></div>{{/EMPTY}}
</section>
