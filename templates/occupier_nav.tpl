{{%AUTOESCAPE context="HTML"}}<header class="page-head occ-head">
<div>
<p class="crumbs"><a href="/occupiers">Occupiers</a></p>
<h1>{{OCC_NAME}}</h1>
<p class="sub">Billing reference: <span class="ref">{{OCC_BILLING_REF}}</span></p>
</div>
<div class="actions">
<form class="site-picker" method="get" action="/occupiers/{{OCC_ID}}/site">
<label for="site-select">Site</label>
<select id="site-select" name="site" data-autosubmit>
{{#SITE_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}{{#NO_CONTRACT}} (no contract){{/NO_CONTRACT}}</option>
{{/SITE_OPT}}</select>
<input type="hidden" name="tab" value="{{TAB}}">
<button type="submit" class="js-hide">Go</button>
</form>
{{#NEW_SITES}}<form class="site-picker new-site" method="get" action="/occupiers/{{OCC_ID}}/site">
<label for="new-site-select">Start a contract at</label>
<select id="new-site-select" name="site">
{{#NEW_SITE_OPT}}<option value="{{ID}}">{{NAME}}</option>
{{/NEW_SITE_OPT}}</select>
<input type="hidden" name="tab" value="contracts"><input type="hidden" name="new" value="1">
<button type="submit">New contract</button>
</form>{{/NEW_SITES}}
<a class="button" href="/occupiers/{{OCC_ID}}/billing">Billing and invoices</a>
<a class="button" href="/occupiers/{{OCC_ID}}/edit">Edit occupier</a>
</div>
</header>
<nav class="tabs" aria-label="Occupier sections">
<ul>{{#TABS}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/TABS}}</ul>
</nav>
