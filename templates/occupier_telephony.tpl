{{%AUTOESCAPE context="HTML"}}{{>OCC_NAV}}
<section class="tab-body">
<header class="section-head">
<h2>Telephony at {{SITE_NAME}}</h2>
<div class="actions"><a class="button" href="{{SITE_HREF}}">All numbers at {{SITE_NAME}}</a></div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was changed:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<div class="infra" role="group" aria-label="Telephony">
<ul><li{{#OVER}} class="over"{{/OVER}}><span class="infra-label">{{INFRA_LABEL}}</span> <span class="frac">{{FRACTION}}</span></li>
<li><span class="infra-label">Main number</span> {{#HAS_MAIN}}<strong class="main-number">{{MAIN_NUMBER}}</strong>{{/HAS_MAIN}}{{#NO_MAIN}}<span class="muted">none</span>{{/NO_MAIN}}</li></ul>
<p class="hint">Active numbers / voice lines of the active and scheduled Voice services.{{#FULL}} Every extension is in use: add a Voice line in Services before activating another number.{{/FULL}}{{#OVER}} More numbers are active than the voice lines allow: deactivate a number.{{/OVER}}</p>
</div>
{{#HAS_ROWS}}<table class="grid phones">
<thead><tr><th scope="col">Number</th><th scope="col">State</th><th scope="col">Active since</th><th scope="col"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#ROW}}<tr><td class="nowrap" data-label="Number">{{NUMBER}}{{#MAIN}} <span class="badge main">Main</span>{{/MAIN}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td><td data-label="Active since">{{SINCE}}</td><td class="act" data-label="Actions">{{#CAN_ACTIVATE}}<form method="post" action="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/telephony" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="activate"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small">Activate<span class="sr"> {{NUMBER}}</span></button></form>{{/CAN_ACTIVATE}}{{#CAN_SET_MAIN}}<form method="post" action="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/telephony" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="set_main"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small">Set as main<span class="sr"> number: {{NUMBER}}</span></button></form> {{/CAN_SET_MAIN}}{{#CAN_DEACTIVATE}}<form method="post" action="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/telephony" class="inline" data-confirm="{{CONFIRM}}" data-confirm-label="Deactivate the number"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="deactivate"><input type="hidden" name="number" value="{{ID}}"><button type="submit" class="small">Deactivate<span class="sr"> {{NUMBER}}</span></button></form>{{/CAN_DEACTIVATE}}</td></tr>
{{/ROW}}</tbody>
</table>
<p class="hint">A deactivated number leaves {{OCC_NAME}} and cools off for {{COOLOFF_DAYS}} days before it can be allocated again; one deactivated by mistake can be reinstated within 24 hours on the <a href="/sites/{{SITE_ID}}/telephony?state=cooling_off">site's Telephony</a> screen.</p>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: {{OCC_NAME}} has no phone numbers at {{SITE_NAME}}.</p><p>Numbers are allocated in <a href="{{SITE_HREF}}">the site's Telephony screen</a>, or automatically when voice services are first added.</p></div>{{/EMPTY}}
</section>
