using Comptoir.Features.Causes.Digests;

namespace Comptoir.Tests.Features.Causes;

public sealed class TopCausesTests
{
    [Fact]
    public void Causes_are_ranked_by_count_with_their_trend_against_the_previous_weeks_and_ties_go_to_the_fastest_rising()
    {
        var today = new Dictionary<int, int> { [1] = 40, [2] = 90, [3] = 40, [4] = 5, [5] = 12, [6] = 8, [7] = 0 };
        IReadOnlyList<IReadOnlyDictionary<int, int>> weeks =
        [
            new Dictionary<int, int> { [1] = 40, [2] = 100, [3] = 10, [5] = 12 },
            new Dictionary<int, int> { [1] = 44, [2] = 80, [3] = 10, [5] = 12 },
        ];

        var top = TopCauses.Rank(today, weeks, top: 5);

        Assert.Equal([2, 3, 1, 5, 6], top.Select(t => t.CauseId));
        Assert.Equal([1, 2, 3, 4, 5], top.Select(t => t.Rank));
        Assert.Equal((90, 90.0, 0.0), (top[0].Count, top[0].PreviousAverage, top[0].TrendPercent!.Value));
        Assert.Equal(300.0, top[1].TrendPercent);
        Assert.Equal(-4.8, top[2].TrendPercent);
        Assert.Null(top[4].TrendPercent);
    }
}
