using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Comptoir.Tests.Infrastructure.Browser))]

namespace Comptoir.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright. Never downloads a browser: the executable is the one
/// ./test.sh installs with apt-get. Without it a local run skips browser tests; a CI run fails.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress)
    {
        if (!File.Exists(ChromiumPath))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{ChromiumPath} is missing on CI: run the tests through ./test.sh, which installs it.");
            }

            Assert.Skip($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        }

        await _gate.WaitAsync();
        try
        {
            if (_playwright is null)
            {
                // Assertions retry until they hold; 5 s by default is short for a first page on a busy 2-core
                // runner while other tests start their hosts. The navigation waits use the assertions too (they
                // poll the URL rather than wait for a load event that a fast navigation may have fired already).
                Assertions.SetDefaultExpectTimeout(20_000);
                _playwright = await Playwright.CreateAsync();
            }

            _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
            });
        }
        finally
        {
            _gate.Release();
        }

        return await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "fr-FR" });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }
}
