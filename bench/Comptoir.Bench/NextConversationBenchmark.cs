using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Features.DemoData;
using Comptoir.Features.Routing;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Bench;

/// <summary>
/// "Next conversation" over the HTTP API with 600 advisors signed in (the full organisation's 500 plus a
/// peak reinforcement of 100) and thousands of conversations waiting: C advisors at a time ask for the next
/// one, close it, and ask again (closed loop: the saturation throughput). Then requests arrive at fixed
/// average rates from all the advisors, whatever the answers' speed (open loop: the latency at a given load).
/// Each run reports the pairs (next, then close) and the latency of the "next" request alone.
/// The same run measures a trivial authenticated read (<c>/api/me</c>) at the closed loop's concurrency,
/// the floor of an authenticated request on this machine.
/// </summary>
internal static partial class NextConversationBenchmark
{
    public static async Task RunAsync(string provider, int advisors, int waiting, int concurrency, int seconds, IReadOnlyList<double> rates, string? postgres)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, postgres);
        await using var host = new BenchHost(database);
        var address = host.Address;
        await host.Services.GetRequiredService<DemoDataGenerator>()
            .GenerateAsync(DemoScale.Full, 2026, DateTimeOffset.UtcNow, CancellationToken.None, ["organisation", "service-setup"]);
        var team = await ReinforceAsync(host, advisors);
        await FillQueuesAsync(host, waiting);

        var clients = new HttpClient[team.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, team.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            clients[i] = await SignInAsync(address, team[i]));

        var me = await LoadResult.RunAsync(concurrency, TimeSpan.FromSeconds(seconds), async (c, n) =>
            (await clients[(int)(n % clients.Length)].GetAsync("/api/me")).IsSuccessStatusCode);
        // The loop's unit is a pair, "next" then "close", as an advisor works; the "next" request is also
        // timed alone, since the target is its latency: from the request's start in the closed loop, from
        // its scheduled arrival in the open loop.
        var nextLatencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var closeLatencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var refusals = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        async Task<bool> TakeAndCloseAsync(long n, Func<double> sinceArrival)
        {
            var client = clients[(int)(n % clients.Length)];
            using var empty = new StringContent("", System.Text.Encoding.UTF8, "application/json");
            var response = await client.PostAsync("/api/conversations/next", empty);
            nextLatencies.Add(sinceArrival());
            if (response.StatusCode != HttpStatusCode.OK)
            {
                refusals.AddOrUpdate($"next {(int)response.StatusCode}", 1, (_, count) => count + 1);
                return false;
            }

            var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("conversationId").GetInt64();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var closed = await client.PostAsJsonAsync($"/api/conversations/{id}/close", new { reason = "Résolu" });
            if (!closed.IsSuccessStatusCode)
            {
                refusals.AddOrUpdate($"close {(int)closed.StatusCode}", 1, (_, count) => count + 1);
            }

            closeLatencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }

        LoadResult Alone(LoadResult pairs)
        {
            var alone = new LoadResult(pairs.Requests, pairs.Failures, pairs.Elapsed, [.. nextLatencies]);
            nextLatencies.Clear();
            return alone;
        }

        string Percentiles(LoadResult alone)
        {
            var refused = string.Join(", ", refusals.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value}"));
            refusals.Clear();
            return string.Create(CultureInfo.InvariantCulture,
                $"p50 {alone.Percentile(50):F1} ms, p95 {alone.Percentile(95):F1} ms, p99 {alone.Percentile(99):F1} ms; answers other than success: {(refused.Length == 0 ? "none" : refused)}");
        }

        Console.Error.WriteLine("closed loop: starting");
        var cpu = CpuMeter.Start();
        var next = await LoadResult.RunAsync(concurrency, TimeSpan.FromSeconds(seconds), (_, n) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            return TakeAndCloseAsync(n, () => System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
        var cpuPerPair = cpu.PerUnit(next.Requests, "pair");
        var closes = closeLatencies.Count;
        Console.WriteLine($"{provider}: {team.Count} advisors signed in, {waiting} conversations waiting at start, {seconds} s per run");
        Console.WriteLine($"  GET /api/me (authenticated floor), {concurrency} at a time: {me}");
        Console.WriteLine($"  next then close, {concurrency} pairs at a time (closed loop: saturation): {next}");
        Console.WriteLine($"    POST /api/conversations/next alone: {Percentiles(Alone(next))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    POST /api/conversations/{{id}}/close alone: p95 {new LoadResult(closes, 0, TimeSpan.FromSeconds(1), [.. closeLatencies]).Percentile(95):F1} ms"));
        Console.WriteLine($"    {cpuPerPair}");

        // Open loop: the advisors ask at a given rate, whatever the answers' speed (22,000 contacts a day
        // make about 2 requests/s at the busiest hour).
        foreach (var rate in rates)
        {
            var open = await LoadResult.RunOpenAsync(rate, TimeSpan.FromSeconds(seconds), TakeAndCloseAsync);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  next then close, arriving at {rate}/s (open loop): {open}"));
            Console.WriteLine($"    POST /api/conversations/next alone, from its arrival: {Percentiles(Alone(open))}");
        }

        Console.WriteLine($"  {await CountWaitingAsync(host)} conversations still waiting at the end");
    }

    /// <summary>Adds peak reinforcement advisors until the organisation has <paramref name="advisors"/>, all available.</summary>
    private static async Task<List<string>> ReinforceAsync(BenchHost host, int advisors)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>();
        var existing = await db.Staff.Where(m => m.Role == StaffRole.Advisor).OrderBy(m => m.Id).Select(m => m.Email!).ToListAsync();
        var sites = await db.ServiceSites.Include(s => s.Activities).OrderBy(s => s.Id).ToListAsync();
        var hash = users.PasswordHasher.HashPassword(null!, DemoAccounts.Password);
        for (var i = existing.Count; i < advisors; i++)
        {
            var site = sites[i % sites.Count];
            var email = $"renfort{i}@{DemoAccounts.Domain}";
            var member = new StaffMember
            {
                DisplayName = $"Renfort {i}",
                Email = email,
                UserName = email,
                NormalizedEmail = email.ToUpperInvariant(),
                NormalizedUserName = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                Role = StaffRole.Advisor,
                SiteId = site.Id,
            };
            db.Staff.Add(member);
            await db.SaveChangesAsync();
            db.AdvisorProfiles.Add(new AdvisorProfile
            {
                StaffMemberId = member.Id,
                ActivityIds = [.. site.Activities.Select(a => a.ActivityId)],
                Languages = ["fr"],
                WorkingHours = "Mon-Sun 00:00-24:00",
            });
            existing.Add(email);
        }

        await db.SaveChangesAsync();
        await db.AdvisorProfiles.ExecuteUpdateAsync(s => s.SetProperty(p => p.Presence, Presence.Available).SetProperty(p => p.WrittenCapacity, 3).SetProperty(p => p.CallCapacity, 1));
        return existing;
    }

    private static async Task FillQueuesAsync(BenchHost host, int count)
    {
        var intake = host.Services.GetRequiredService<ContactIntake>();
        int[] activities;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            activities = await scope.ServiceProvider.GetRequiredService<ComptoirDbContext>().Activities.Select(a => a.Id).ToArrayAsync();
        }

        var random = new Random(5);
        var contacts = Enumerable.Range(0, count).Select(i => new InboundContact
        {
            Channel = i % 3 == 0 ? Channel.Phone : Channel.Email,
            Kind = i % 3 == 0 ? ConversationKind.Callback : ConversationKind.Contact,
            ExternalId = $"bench:{i}",
            At = DateTimeOffset.UtcNow.AddMinutes(-random.Next(600)),
            ActivityId = activities[random.Next(activities.Length)],
            Body = "Bonjour, ma commande n'est pas arrivée.",
            Language = "fr",
            From = $"client{i}@mail.example",
            Identities = [(IdentityKind.Email, $"client{i}@mail.example")],
        }).ToList();
        foreach (var chunk in contacts.Chunk(2_000))
        {
            await intake.SubmitAsync(chunk, CancellationToken.None);
        }
    }

    private static async Task<int> CountWaitingAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComptoirDbContext>().Conversations.CountAsync(c => c.Status == ConversationStatus.New);
    }

    private static async Task<HttpClient> SignInAsync(Uri address, string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };
        var form = await client.GetStringAsync("/connexion");
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        var response = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.Password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = token,
        }));
        // As the browser sends it for a page of the app: the API refuses cookie-authenticated writes from elsewhere.
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"{email} could not sign in.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
