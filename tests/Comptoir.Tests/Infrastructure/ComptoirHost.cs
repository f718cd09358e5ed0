using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Infrastructure;

/// <summary>
/// The real Comptoir host on a real Kestrel port and a real database, seeded with the small demo
/// organisation. Browsers and HTTP clients talk to it over loopback exactly as people would.
/// </summary>
public sealed class ComptoirHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public ComptoirHost(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Database = database;
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Comptoir"] = database.ConnectionString,
            ["Demo:SeedOnFirstRun"] = "true",
            ["Demo:PrintAccounts"] = "false",
            ["RateLimits:SignInPerMinute"] = "100000",
            ["RateLimits:PublicFormPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.HttpLogging"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
            // Tests read mailboxes when they choose to (PollMailboxes.RunOnceAsync), never behind their back.
            ["Email:PollSeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel();
    }

    public TestDatabase Database { get; }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("urls", "http://127.0.0.1:0");
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>Runs a query against the host's database in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<ComptoirDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ComptoirDbContext>());
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserlessClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = Address,
        };
}
