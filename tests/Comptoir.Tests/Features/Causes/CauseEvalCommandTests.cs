using System.Globalization;
using System.Text;
using Comptoir.Features.Causes.Evaluation;
using Comptoir.Platform.Commands;

namespace Comptoir.Tests.Features.Causes;

public sealed class CauseEvalCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("comptoir-causes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Reports_accuracy_macro_f1_and_a_per_cause_table_on_a_train_and_test_pair()
    {
        var train = Write("train.csv", "text,label", CauseFixtures.Training().Select(e => $"{Quote(e.Text)},{e.Label}"));
        var test = Write("test.csv", "text,label", CauseFixtures.Unseen().Select(e => $"{Quote(e.Text)},{e.Label}"));
        var markdown = Path.Combine(_folder, "report.md");
        var console = new StringWriter();

        var exit = await Run(console, "--train", train, "--test", test, "--out", markdown);

        Assert.Equal(0, exit);
        var report = await File.ReadAllTextAsync(markdown, TestContext.Current.CancellationToken);
        Assert.Equal(report, console.ToString());
        Assert.Contains("| **Accuracy** | **1.0000** |", report, StringComparison.Ordinal);
        Assert.Contains("| **Macro-F1** | **1.0000** |", report, StringComparison.Ordinal);
        Assert.Contains("192 examples, 4 causes", report, StringComparison.Ordinal);
        Assert.Contains("| delivery | 1.000 | 1.000 | 1.000 | 2 |", report, StringComparison.Ordinal);
        Assert.Contains("texts/s", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Splits_one_time_stamped_file_by_time()
    {
        var start = new DateOnly(2025, 1, 1);
        var rows = CauseFixtures.Training().Select((e, i) => $"{start.AddDays((i * 37) % 192).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)},{Quote(e.Text)},{e.Label}");
        var data = Write("stream.csv", "timestamp,text,label", rows.Reverse());
        var console = new StringWriter();

        var exit = await Run(console, "--data", data, "--split-by-time", "0.75");

        Assert.Equal(0, exit);
        Assert.Contains("144 examples", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("48 examples", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("before 2025-05-25", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cross_validates_on_the_training_file_alone()
    {
        var train = Write("train.csv", "text,label", CauseFixtures.Training().Select(e => $"{Quote(e.Text)},{e.Label}"));
        var console = new StringWriter();

        Assert.Equal(0, await Run(console, "--train", train, "--cv", "3"));
        Assert.Contains("3-fold cross-validation", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("| **mean** |", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_the_lsa_neighbour_and_network_options()
    {
        var train = Write("train.csv", "text,label", CauseFixtures.Training().Select(e => $"{Quote(e.Text)},{e.Label}"));
        var unlabelled = Write("unlabelled.csv", "text,label", ["where is my parcel,other", "I forgot my password,other"]);
        var console = new StringWriter();

        Assert.Equal(0, await Run(console, "--train", train, "--cv", "2", "--lsa", "8", "--lsa-weight", "0.5", "--lsa-norm", "mean", "--lsa-texts", unlabelled,
            "--knn", "3", "--knn-weight", "0.2", "--mlp", "16", "--mlp-rate", "0.5", "--mlp-init", "0.3"));
        Assert.Contains("+ LSA block of 8 (weight 0.5, mean norm, SVD also on 2 unlabelled texts)", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("+ 0.2 × vote of 3 nearest neighbours", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("network of 16 hidden units (20 epochs, rate 0.5, init σ 0.3", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("--lsa-norm must be text or mean", await Fails("--train", train, "--cv", "2", "--lsa", "8", "--lsa-norm", "max"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluates_a_model_with_a_neighbour_vote_without_storing_it()
    {
        var train = Write("train.csv", "text,label", CauseFixtures.Training().Select(e => $"{Quote(e.Text)},{e.Label}"));
        var test = Write("test.csv", "text,label", CauseFixtures.Unseen().Select(e => $"{Quote(e.Text)},{e.Label}"));
        var console = new StringWriter();

        Assert.Equal(0, await Run(console, "--train", train, "--test", test, "--knn", "3"));
        Assert.Contains("| Model size | not stored (scorers beyond the weight matrix) |", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("| **Accuracy** |", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explains_a_missing_file_a_missing_column_and_a_single_cause()
    {
        var good = Write("good.csv", "text,label", ["Où est mon colis,delivery", "Remboursez-moi,refund"]);
        var noLabel = Write("nolabel.csv", "text,cause", ["Où est mon colis,delivery"]);
        var oneCause = Write("one.csv", "text,label", ["Où est mon colis,delivery", "Colis perdu,delivery"]);
        var badLine = Write("bad.csv", "text,label", ["ok,delivery", "\"unclosed,refund"]);
        var missing = Path.Combine(_folder, "missing.csv");

        var errors = new[]
        {
            await Fails("--train", missing, "--test", good),
            await Fails("--train", noLabel, "--test", good),
            await Fails("--train", oneCause, "--test", good),
            await Fails("--train", badLine, "--test", good),
            await Fails("--data", good),
            await Fails("--test", good),
        };

        Assert.Contains("missing.csv", errors[0], StringComparison.Ordinal);
        Assert.Contains("does not exist", errors[0], StringComparison.Ordinal);
        Assert.Contains("'label' column", errors[1], StringComparison.Ordinal);
        Assert.Contains("only one cause ('delivery')", errors[2], StringComparison.Ordinal);
        Assert.Contains("bad.csv, line 3:", errors[3], StringComparison.Ordinal);
        Assert.Contains("no 'timestamp' column", errors[4], StringComparison.Ordinal);
        Assert.Contains("--train is required", errors[5], StringComparison.Ordinal);
    }

    private static async Task<string> Fails(params string[] args)
    {
        var error = await Assert.ThrowsAsync<CommandException>(() => Run(new StringWriter(), args));
        return error.Message;
    }

    private static Task<int> Run(TextWriter output, params string[] args) =>
        new CauseEvalCommand(output).RunAsync(new CommandArguments(args), TestContext.Current.CancellationToken);

    private string Write(string name, string header, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, header + "\n" + string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
