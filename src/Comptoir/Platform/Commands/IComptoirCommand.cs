namespace Comptoir.Platform.Commands;

/// <summary>
/// A command of the app, run as <c>dotnet run --project src/Comptoir -- NAME [options]</c> against the
/// configured database instead of starting the web server (demo data, evaluations, replays).
/// </summary>
public interface IComptoirCommand
{
    /// <summary>The words that name the command, e.g. <c>["demo-data"]</c> or <c>["causes", "eval"]</c>.</summary>
    IReadOnlyList<string> Name { get; }

    string Summary { get; }

    Task<int> RunAsync(CommandArguments arguments, CancellationToken cancellationToken);
}
