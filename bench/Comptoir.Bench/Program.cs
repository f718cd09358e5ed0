using System.Globalization;

namespace Comptoir.Bench;

/// <summary>
/// Benchmarks of Comptoir, each comparing against a reference measured in the same run (docs/benchmarks.md).
///   ingest --db sqlite|postgres --contacts N --producers P [--warm W]
///   http   --db sqlite|postgres --clients C --seconds S [--warmup S]
///   next   --db sqlite|postgres --advisors A --waiting W --concurrency C --seconds S --rates 20,50,100
///   digest --db sqlite|postgres --years Y --contacts N --runs R
/// PostgreSQL runs read the server's connection string from COMPTOIR_BENCH_POSTGRES.
/// </summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.OrdinalIgnoreCase);
        string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
        int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var postgres = Environment.GetEnvironmentVariable("COMPTOIR_BENCH_POSTGRES");

        switch (args.FirstOrDefault())
        {
            case "ingest":
                await IngestBenchmark.RunAsync(Option("db", "sqlite"), Number("contacts", 50_000), Number("producers", 8), Number("warm", 0), postgres);
                return 0;
            case "http":
                await HttpBenchmark.RunAsync(Option("db", "sqlite"), Number("clients", 8), Number("seconds", 20), Number("warmup", 3), postgres);
                return 0;
            case "next":
                await NextConversationBenchmark.RunAsync(Option("db", "sqlite"), Number("advisors", 600), Number("waiting", 20_000), Number("concurrency", 16), Number("seconds", 20),
                    [.. Option("rates", "20,50,100").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => double.Parse(r, CultureInfo.InvariantCulture))], postgres);
                return 0;
            case "digest":
                await DigestBenchmark.RunAsync(Option("db", "sqlite"), Number("years", 3), Number("contacts", 20_000_000), Number("runs", 21), postgres);
                return 0;
            default:
                await Console.Error.WriteLineAsync("Usage: ingest | http | next | digest, with --db sqlite|postgres (PostgreSQL server in COMPTOIR_BENCH_POSTGRES).");
                return 2;
        }
    }
}
