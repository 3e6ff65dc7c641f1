{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<h1>Cases</h1>
<p class="sub">{{#ALL_CASES}}Every support case of your company.{{/ALL_CASES}}{{#OWN_CASES}}The support cases you raised.{{/OWN_CASES}}</p>
</div>
{{#CAN_RAISE}}<div class="actions"><a class="button primary" href="/my/cases/new">Raise a case</a></div>{{/CAN_RAISE}}
</header>
{{#HAS_CASES}}<table class="grid cases">
<thead><tr><th scope="col">Case</th><th scope="col">Subject</th><th scope="col">Site</th><th scope="col">Related service</th><th scope="col">Raised</th><th scope="col" class="num">Comments</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#CASE}}<tr><td data-label="Case"><a href="/my/cases/{{ID}}">{{ID}}</a></td><td data-label="Subject"><a href="/my/cases/{{ID}}">{{SUBJECT}}</a></td><td data-label="Site">{{SITE}}</td><td data-label="Related service">{{SERVICE}}</td><td data-label="Raised"><time datetime="{{RAISED_ISO}}">{{RAISED}}</time></td><td class="num" data-label="Comments">{{COMMENTS}}</td><td data-label="Status"><span class="badge {{STATUS_CLASS}}">{{STATUS}}</span></td></tr>
{{/CASE}}</tbody>
</table>{{/HAS_CASES}}
{{#NO_CASES}}<div class="empty"><p>It is empty here: there are no cases yet.</p></div>{{/NO_CASES}}
