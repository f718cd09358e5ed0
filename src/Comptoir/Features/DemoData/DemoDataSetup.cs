using Comptoir.Platform.Commands;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.DemoData;

public static class DemoDataSetup
{
    public const int DefaultSeed = 2026;

    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoDataGenerator>();
        builder.Services.AddScoped<IDemoDataPart, OrganisationPart>();
        builder.Services.AddScoped<IDemoDataPart, ServiceSetupPart>();
        builder.Services.AddScoped<IDemoDataPart, CausesPart>();
        builder.Services.AddScoped<IDemoDataPart, ContactsPart>();
        builder.Services.AddSingleton<IComptoirCommand, DemoDataCommand>();
        builder.Services.AddHostedService<SeedDemoDataOnFirstRun>();
        return builder;
    }
}

/// <summary>
/// With <c>Demo:SeedOnFirstRun</c>, fills an empty database before the server takes requests, then prints
/// where Comptoir listens and the demo accounts once it does.
/// </summary>
internal sealed partial class SeedDemoDataOnFirstRun(
    IConfiguration configuration,
    DatabaseMigrator migrator,
    DemoDataGenerator generator,
    IServiceScopeFactory scopes,
    IServer server,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SeedDemoDataOnFirstRun> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:SeedOnFirstRun", false))
        {
            return;
        }

        await migrator.MigrateAsync(cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
            if (!await db.Countries.AnyAsync(cancellationToken))
            {
                var scale = configuration.GetValue("Demo:Scale", DemoScale.Small);
                var seed = configuration.GetValue("Demo:Seed", DemoDataSetup.DefaultSeed);
                LogSeeding(logger, scale, seed);
                var parts = configuration["Demo:Parts"] is { Length: > 0 } list ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
                await generator.GenerateAsync(scale, seed, time.GetUtcNow(), cancellationToken, parts);
            }
        }

        if (configuration.GetValue("Demo:PrintAccounts", true))
        {
            lifetime.ApplicationStarted.Register(PrintWelcome);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void PrintWelcome()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("Comptoir is running with demo data.");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  Open {address}");
        }

        Console.WriteLine($"  Staff sign-in, password for every demo account: {DemoAccounts.Password}");
        foreach (var (email, role) in DemoAccounts.Featured)
        {
            Console.WriteLine($"    {email,-42} {role}");
        }

        Console.WriteLine("  Press Ctrl+C to stop.");
        Console.WriteLine();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty database: generating {Scale} demo data with seed {Seed}")]
    private static partial void LogSeeding(ILogger logger, DemoScale scale, int seed);
}
