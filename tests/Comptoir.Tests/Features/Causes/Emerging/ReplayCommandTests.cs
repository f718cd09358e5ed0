using System.Globalization;
using System.Text;
using Comptoir.Features.Causes.Emerging;
using Comptoir.Platform.Commands;

namespace Comptoir.Tests.Features.Causes.Emerging;

/// <summary><c>irritants replay</c> on a small file of its own with a planted surge.</summary>
public sealed class ReplayCommandTests
{
    [Fact]
    public async Task Replaying_a_stream_prints_each_day_its_top_causes_and_flags_the_planted_surge_only()
    {
        var path = Path.Combine(Path.GetTempPath(), $"replay-{Guid.NewGuid():N}.csv");
        var csv = new StringBuilder("timestamp,text,label\n");
        var start = new DateOnly(2020, 2, 1);
        string[] steady = ["My card payment was declined at the shop", "The parcel never arrived at my home", "I was charged twice for one order", "The app crashes when I log in"];
        string[] labels = ["payment", "delivery", "payment", "app"];
        for (var d = 0; d < 40; d++)
        {
            var day = start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var i = 0; i < 12; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{day},\"{steady[(i + d) % 4]} (ticket {d * 100 + i})\",{labels[(i + d) % 4]}\n");
            }

            if (d == 35)
            {
                for (var i = 0; i < 9; i++)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{day},\"{(i % 3 == 0 ? "My store" : i % 3 == 1 ? "Shop" : "Branch")} closed by the coronavirus, {(i % 3 == 0 ? "refund" : i % 3 == 1 ? "cancel" : "deliver")} please\",delivery\n");
                }
            }
        }

        await File.WriteAllTextAsync(path, csv.ToString(), TestContext.Current.CancellationToken);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            var code = await new ReplayCommand(output).RunAsync(new CommandArguments(["--stream", path, "--train-days", "14", "--retrain-days", "7"]), TestContext.Current.CancellationToken);
            var text = output.ToString();

            Assert.Equal(0, code);
            Assert.Contains("## 2020-02-15", text, StringComparison.Ordinal);
            Assert.Contains("## 2020-03-11", text, StringComparison.Ordinal);
            Assert.DoesNotContain("## 2020-02-14", text, StringComparison.Ordinal);
            Assert.Contains("1. payment: 6", text, StringComparison.Ordinal);
            var surgeDay = text[text.IndexOf("## 2020-03-07", StringComparison.Ordinal)..text.IndexOf("## 2020-03-08", StringComparison.Ordinal)];
            Assert.Contains("EMERGING term \"coronavirus\" (unseen): 9 contacts", surgeDay, StringComparison.Ordinal);
            Assert.Equal(text.Split("EMERGING").Length - 1, surgeDay.Split("EMERGING").Length - 1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Days_are_the_dates_as_written_or_the_local_dates_of_the_time_zone_given()
    {
        var path = Path.Combine(Path.GetTempPath(), $"replay-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "timestamp,text\n2020-03-28T23:30:00Z,late in UTC\n2020-03-28T23:30:00-05:00,late in New York\n2020-03-29,no time\n", TestContext.Current.CancellationToken);
        try
        {
            var asWritten = ReplayCommand.Read(path).Select(r => r.Day).ToList();
            var paris = ReplayCommand.Read(path, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Select(r => r.Day).ToList();
            var unknown = await Assert.ThrowsAsync<CommandException>(() => new ReplayCommand(new StringWriter(CultureInfo.InvariantCulture))
                .RunAsync(new CommandArguments(["--stream", path, "--time-zone", "Europe/Nowhere"]), TestContext.Current.CancellationToken));

            Assert.Equal([new DateOnly(2020, 3, 28), new DateOnly(2020, 3, 28), new DateOnly(2020, 3, 29)], asWritten);
            // 23:30 UTC is 00:30 in Paris the next day; 23:30 in New York is 05:30 (summer time) in Paris.
            Assert.Equal([new DateOnly(2020, 3, 29), new DateOnly(2020, 3, 29), new DateOnly(2020, 3, 29)], paris);
            Assert.Contains("Europe/Nowhere", unknown.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
