// Charts of the channel pages: each element with class "channel-chart" names its categories (data-labels, a JSON
// array) and its series (data-series-N-name, -type, -data, -stack; or all at once in data-series, a JSON array of
// {name, type, data, dashed}, a dashed line being a target); no inline script is needed.
(function () {
  if (!window.echarts) { return; }
  document.querySelectorAll('.channel-chart').forEach(function (el) {
    var labels = JSON.parse(el.dataset.labels || '[]');
    var series = JSON.parse(el.dataset.series || '[]').map(function (s) {
      return s.dashed ? {name: s.name, type: 'line', data: s.data, symbol: 'none', lineStyle: {type: 'dashed'}}
        : {name: s.name, type: s.type || 'line', data: s.data, connectNulls: false};
    });
    for (var i = 0; el.dataset['series' + i + 'Name']; i++) {
      series.push({name: el.dataset['series' + i + 'Name'], type: el.dataset['series' + i + 'Type'] || 'bar',
        stack: el.dataset['series' + i + 'Stack'] || undefined, data: JSON.parse(el.dataset['series' + i + 'Data'])});
    }
    var chart = echarts.init(el);
    chart.setOption({tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 50, right: 20, top: 30, bottom: 30},
      xAxis: {type: 'category', data: labels}, yAxis: {type: 'value', axisLabel: el.dataset.yUnit ? {formatter: '{value}' + el.dataset.yUnit} : {}}, series: series});
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
