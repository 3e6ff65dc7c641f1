{{%AUTOESCAPE context="HTML"}}{{>OCC_NAV}}
<section class="tab-body">
<h2>History at {{SITE_NAME}}</h2>
{{#HAS_ROWS}}<table class="grid history">
<thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
<tbody>
{{#ROW}}<tr><td class="nowrap" data-label="When (UTC)">{{AT}}</td><td data-label="Who">{{WHO}}</td><td data-label="What">{{WHAT}}</td><td class="pre" data-label="Before">{{OLD:pre_escape}}</td><td class="pre" data-label="After">{{NEW:pre_escape}}</td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: nothing has changed yet.</p></div>{{/EMPTY}}
<nav class="pager" aria-label="Pages">{{#PREV}}<a rel="prev" href="?page={{N}}">← Newer</a>{{/PREV}}{{#NEXT}}<a rel="next" href="?page={{N}}">Older →</a>{{/NEXT}}</nav>
</section>
