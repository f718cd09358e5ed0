using System.Globalization;
using Comptoir.Platform.Commands;

namespace Comptoir.Features.DemoData;

/// <summary><c>demo-data [--scale small|full] [--seed N] [--until YYYY-MM-DD]</c>: fills an empty database.</summary>
internal sealed class DemoDataCommand(DemoDataGenerator generator, TimeProvider time) : IComptoirCommand
{
    public IReadOnlyList<string> Name { get; } = ["demo-data"];

    public string Summary => "Fill an empty database with demo data: --scale small|full --seed N --until YYYY-MM-DD [--parts organisation,service-setup,contacts]";

    public async Task<int> RunAsync(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var scaleText = arguments.Get("scale") ?? "small";
        if (!Enum.TryParse<DemoScale>(scaleText, ignoreCase: true, out var scale) || !Enum.IsDefined(scale))
        {
            throw new CommandException($"--scale must be small or full, not '{scaleText}'.");
        }

        var seed = arguments.GetInt("seed", DemoDataSetup.DefaultSeed);
        var until = ParseUntil(arguments.Get("until")) ?? time.GetUtcNow();
        var parts = arguments.Get("parts")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        try
        {
            foreach (var line in await generator.GenerateAsync(scale, seed, until, cancellationToken, parts))
            {
                Console.WriteLine(line);
            }
        }
        catch (DemoDataException e)
        {
            throw new CommandException(e.Message);
        }

        return 0;
    }

    internal static DateTimeOffset? ParseUntil(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)
            : throw new CommandException($"--until must be a date written YYYY-MM-DD, not '{value}'.");
    }
}
