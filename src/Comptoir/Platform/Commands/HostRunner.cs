using Comptoir.Platform.Data;

namespace Comptoir.Platform.Commands;

public static class HostRunner
{
    /// <summary>
    /// Runs the web host, or, when the first arguments name a command, prepares the database and runs that
    /// command instead. Returns the process exit code.
    /// </summary>
    public static async Task<int> RunComptoirAsync(this WebApplication app, string[] args)
    {
        var commands = app.Services.GetServices<IComptoirCommand>().ToList();
        var command = commands
            .Where(c => c.Name.Count <= args.Length && c.Name.SequenceEqual(args.Take(c.Name.Count), StringComparer.OrdinalIgnoreCase))
            .MaxBy(c => c.Name.Count);

        if (command is null)
        {
            if (args.Length > 0 && !args[0].StartsWith('-'))
            {
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands:");
                foreach (var known in commands.OrderBy(c => string.Join(' ', c.Name), StringComparer.Ordinal))
                {
                    await Console.Error.WriteLineAsync($"  {string.Join(' ', known.Name),-22} {known.Summary}");
                }

                return 2;
            }

            await app.RunAsync();
            return 0;
        }

        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopping.Cancel();
        };

        try
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(stopping.Token);
            return await command.RunAsync(new CommandArguments(args.Skip(command.Name.Count)), stopping.Token);
        }
        catch (CommandException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }
}
