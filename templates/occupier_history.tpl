{{%AUTOESCAPE context="HTML"}}{{>OCC_NAV}}
<section class="tab-body">
<h2>History at {{SITE_NAME}}</h2>
{{#HAS_ROWS}}<table class="grid history">
<thead><tr><th scope="col">When ({{ZONE}})</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Changes</th></tr></thead>
<tbody>
{{#ROW}}<tr><td class="nowrap" data-label="When"><time datetime="{{AT_ISO}}">{{AT}}</time></td><td data-label="Who">{{WHO}}</td><td data-label="What">{{WHAT}}{{#SUBJECT}}<span class="subject">{{TEXT}}</span>{{/SUBJECT}}</td><td data-label="Changes">{{#CHANGES}}<ul class="changes">{{#CHANGE}}<li><span class="ch-label">{{LABEL}}:</span> {{#FROM}}<span class="was">{{OLD:pre_escape}}</span>{{/FROM}}{{#ARROW}} → {{/ARROW}}{{#TO}}<span class="is">{{NEW:pre_escape}}</span>{{/TO}}</li>{{/CHANGE}}</ul>{{/CHANGES}}{{#NO_CHANGE}}<span class="svc-desc">No field changed</span>{{/NO_CHANGE}}</td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: nothing has changed yet.</p></div>{{/EMPTY}}
<nav class="pager" aria-label="Pages">{{#PREV}}<a rel="prev" href="?page={{N}}">← Newer</a>{{/PREV}}{{#NEXT}}<a rel="next" href="?page={{N}}">Older →</a>{{/NEXT}}</nav>
</section>
