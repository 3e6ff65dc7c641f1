{{%AUTOESCAPE context="HTML"}}<header class="page-head occ-head">
<div>
<h1>{{OCC_NAME}}</h1>
<p class="sub">Your services with {{OPERATOR_NAME}} at {{SITE_NAME}}</p>
</div>
<div class="actions">
<form class="site-picker" method="get" action="/my/site">
<label for="site-select">Site</label>
<select id="site-select" name="site" data-autosubmit>
{{#SITE_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SITE_OPT}}</select>
<input type="hidden" name="tab" value="{{TAB}}">
<button type="submit" class="js-hide">Go</button>
</form>
</div>
</header>
<nav class="tabs" aria-label="Your sections">
<ul>{{#TABS}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/TABS}}</ul>
</nav>
