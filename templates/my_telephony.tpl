{{%AUTOESCAPE context="HTML"}}{{>OCC_NAV}}
<section class="tab-body">
<header class="section-head">
<h2>Phone numbers at {{SITE_NAME}}</h2>
</header>
<div class="infra" role="group" aria-label="Telephony">
<ul><li><span class="infra-label">Telephony extensions</span> <span class="frac">{{FRACTION}}</span></li></ul>
<p class="hint">Active numbers / voice lines of your active and scheduled Voice services. Numbers are activated and changed by your operator.</p>
</div>
{{#HAS_ROWS}}<table class="grid phones">
<thead><tr><th scope="col">Number</th><th scope="col">State</th><th scope="col">Active since</th></tr></thead>
<tbody>
{{#ROW}}<tr><td class="nowrap" data-label="Number">{{NUMBER}}{{#MAIN}} <span class="badge main">Main</span>{{/MAIN}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td><td data-label="Active since">{{SINCE}}</td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: you have no phone numbers at {{SITE_NAME}}.</p></div>{{/EMPTY}}
</section>
