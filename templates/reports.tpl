{{%AUTOESCAPE context="HTML"}}<header class="page-head"><h1>Reports</h1></header>
<div class="cards">
<section class="card">
<h2><a href="/reports/charges?month={{MONTH}}">Occupier Service Charges</a></h2>
<p>Every occupier's charges for a complete month, line by line, with totals to the penny. On screen and as CSV.</p>
<p><a href="/reports/charges?month={{MONTH}}">{{MONTH_LABEL}}</a> · <a href="/reports/charges.csv?month={{MONTH}}">Download CSV</a></p>
</section>
<section class="card">
<h2><a href="/reports/active-services">Active services report</a></h2>
<p>Per site and service: quantity, cost, RRP, price and margin (price − cost) of the services active today.</p>
<p><a href="/reports/active-services.csv?kind=summary">Summary CSV</a> · <a href="/reports/active-services.csv?kind=full">Full CSV</a></p>
</section>
<section class="card">
<h2><a href="/sites">Billing Usage Report</a></h2>
<p>Per site and month: each occupier's allocations, allowances and usage charges (calls, bandwidth bursts), with totals and the calls nobody can be charged for. Open it from a site (Sites › the site › Billing Usage Report); on screen and as CSV.</p>
</section>
</div>
