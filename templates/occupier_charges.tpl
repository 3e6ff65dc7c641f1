{{%AUTOESCAPE context="HTML"}}{{>OCC_NAV}}
<section class="tab-body">
<header class="section-head">
<h2>Charges at {{SITE_NAME}} — {{MONTH_LABEL}}</h2>
<form class="filters" method="get" action="{{BASE}}/charges">
<a href="?month={{PREV_MONTH}}" rel="prev">← Previous</a>
<label for="f-month">Month</label><input id="f-month" name="month" type="month" value="{{MONTH}}" required>
<button type="submit">Show</button>
<a href="?month={{NEXT_MONTH}}" rel="next">Next →</a>
</form>
</header>
<p class="hint">Price × QTY per month, prorated by day: price ÷ days in the month × days × QTY, rounded half-up to the penny once per line. A new line starts on the day a price or QTY changes. A service is charged from the day it starts to the day before it is removed: the day a service is removed is not charged (on the day one service replaces another, only the new one is). A month's charges are what was in force during that month: later changes never alter them.</p>
{{#HAS_ROWS}}<table class="grid charges">
<thead><tr><th scope="col">Service</th><th scope="col">From</th><th scope="col">To</th><th scope="col" class="num">Days</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">QTY</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Service">{{SERVICE}}</td><td data-label="From">{{FROM}}</td><td data-label="To">{{TO}}</td><td class="num" data-label="Days">{{DAYS}}</td><td class="num" data-label="Unit price">{{PRICE}}</td><td class="num" data-label="QTY">{{QTY}}</td><td class="num" data-label="Amount">{{AMOUNT}}</td></tr>
{{/ROW}}</tbody>
<tfoot><tr><th scope="row" colspan="6" class="num">Total for {{MONTH_LABEL}}</th><td class="num"><strong>{{TOTAL}}</strong></td></tr></tfoot>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: nothing is charged at {{SITE_NAME}} in {{MONTH_LABEL}}.</p></div>{{/EMPTY}}
{{>USAGE_BLOCK}}
</section>
