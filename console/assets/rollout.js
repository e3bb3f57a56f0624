// Rollout chart: the figures over time, drawn with the bundled chart.js from the page's JSON.
(function () {
  var data = JSON.parse(document.getElementById('rollout-data').textContent);
  var canvas = document.getElementById('rollout-chart');
  if (!canvas || !window.Chart) return;
  var colors = ['#12355b', '#2a7fd4', '#c77700', '#2e8b57'];
  new window.Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: data.series.map(function (s, i) {
        return { label: s.label, data: s.values, borderColor: colors[i], backgroundColor: colors[i], stepped: true, tension: 0 };
      }),
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, suggestedMax: data.population, ticks: { precision: 0 } } } },
  });
})();
