using System.Globalization;
using System.Net.Http.Headers;
using Comptoir.Features.Channels;
using Comptoir.Features.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Bench;

/// <summary>
/// Contacts created over the HTTP API by C concurrent clients, each posting signed SMS webhook bodies (a
/// new message every time) and waiting for the answer, which comes once the contact is stored. The same
/// run measures <c>/health/live</c> with the same clients: the ceiling of the HTTP stack on this machine.
/// The warm-up posts contacts for <c>--warmup</c> seconds first (3 by default): long enough for connection
/// pools and caches, not for the JIT, which compiles the optimised code of the hot path in the background for
/// about ten seconds more.
/// </summary>
internal static class HttpBenchmark
{
    private const string Secret = "bench-secret";

    public static async Task RunAsync(string provider, int clients, int seconds, int warmup, string? postgres)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, postgres);
        await using var host = new BenchHost(database, new Dictionary<string, string?> { ["Channels:Sms:Secret"] = Secret });
        var address = host.Address;
        await host.Services.GetRequiredService<DemoDataGenerator>()
            .GenerateAsync(DemoScale.Small, 2026, DateTimeOffset.UtcNow, CancellationToken.None, ["organisation", "service-setup", "causes"]);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = address };
        var payloads = BenchPayloads.Sms(200_000, 7, Guid.NewGuid().ToString("N")[..8]);

        // Warm-up: JIT, connection pools, caches.
        await LoadResult.RunAsync(clients, TimeSpan.FromSeconds(warmup), (_, n) => PostAsync(http, payloads[(int)(n % payloads.Count)]));
        var health = await LoadResult.RunAsync(clients, TimeSpan.FromSeconds(seconds), async (_, _) => (await http.GetAsync("/health/live")).IsSuccessStatusCode);
        var offset = 50_000L;
        var cpu = CpuMeter.Start();
        var contacts = await LoadResult.RunAsync(clients, TimeSpan.FromSeconds(seconds), (_, n) => PostAsync(http, payloads[(int)((offset + n) % payloads.Count)]));

        Console.WriteLine($"{provider}, {clients} clients, {seconds} s after {warmup} s of warm-up");
        Console.WriteLine($"  /health/live (HTTP ceiling): {health}");
        Console.WriteLine($"  POST /api/channels/sms (contact stored before the answer): {contacts}");
        Console.WriteLine($"  {cpu.PerUnit(contacts.Requests, "contact")}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  contacts/s against the HTTP ceiling: {contacts.PerSecond / health.PerSecond:F2}; against osTicket's published 58 tickets/s: {contacts.PerSecond / 58:F1}x"));
    }

    private static async Task<bool> PostAsync(HttpClient http, byte[] body)
    {
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms") { Content = content };
        request.Headers.Add(ChannelSignature.SignatureHeader, ChannelSignature.Sign(Secret, seconds, body));
        request.Headers.Add(ChannelSignature.TimestampHeader, seconds.ToString(CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }
}
