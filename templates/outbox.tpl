{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<h1>Outbox</h1>
<p class="sub">The e-mail Tenantry sends for you: invitations, password links, case news, numbers, contracts ending.</p>
</div>
</header>
{{#NO_RELAY}}<p class="notice" id="no-relay">No mail relay is set (<code>TENANTRY_SMTP_URL</code>): messages wait here and nothing leaves until one is set.</p>{{/NO_RELAY}}
{{#DEAD_NOTICE}}<div class="errors" role="alert" id="dead-letters"><p>{{DEAD}} message(s) could not be delivered after every attempt. Open one to see why; send it again once the cause is mended.</p></div>{{/DEAD_NOTICE}}
<nav class="tabs" aria-label="Message state">
<ul>
{{#TAB}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}} <span class="count">({{COUNT}})</span></a></li>
{{/TAB}}</ul>
</nav>
{{#HAS_ROWS}}<table class="grid outbox">
<thead><tr><th scope="col">Subject</th><th scope="col">To</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col" class="num">Attempts</th><th scope="col">Last error</th><th scope="col">Queued</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Subject"><a href="/outbox/{{ID}}">{{SUBJECT}}</a></td><td data-label="To">{{RCPT}}</td><td data-label="Kind">{{KIND}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td><td class="num" data-label="Attempts">{{ATTEMPTS}}</td><td data-label="Last error">{{ERROR}}</td><td class="nowrap" data-label="Queued"><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>No messages here.</p></div>{{/EMPTY}}
