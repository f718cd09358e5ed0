using Comptoir.Features.Conversations;
using Comptoir.Features.ServiceLevels;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Comptoir.Tests.Features.ServiceLevels;

/// <summary>Service-level clocks driven by a fake clock: deadlines in opening hours, warnings and escalations exactly once.</summary>
public sealed class ServiceLevelTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_email_received_on_Friday_evening_is_due_on_Saturday_afternoon_and_warned_and_escalated_exactly_once(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 19, 0));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var first = new ComptoirHost(database, services: s => s.AddSingleton<TimeProvider>(clock));
        first.StartServer();
        await using var second = new ComptoirHost(database, new Dictionary<string, string?> { ["Demo:SeedOnFirstRun"] = "false" }, s => s.AddSingleton<TimeProvider>(clock));
        second.StartServer();
        var contact = await first.IngestAsync(await EmailAsync(first, clock));
        var conversation = await first.ConversationAsync(contact.ConversationId);

        clock.SetUtcNow(ParisTime(2026, 11, 21, 13, 0));
        var tooEarly = await first.Services.GetRequiredService<CheckServiceLevels>().RunOnceAsync(default);
        clock.SetUtcNow(ParisTime(2026, 11, 21, 14, 5));
        var warnings = await Task.WhenAll(
            first.Services.GetRequiredService<CheckServiceLevels>().RunOnceAsync(default),
            second.Services.GetRequiredService<CheckServiceLevels>().RunOnceAsync(default),
            first.Services.GetRequiredService<CheckServiceLevels>().RunOnceAsync(default));
        var warnedAgain = await second.Services.GetRequiredService<CheckServiceLevels>().RunOnceAsync(default);
        clock.SetUtcNow(ParisTime(2026, 11, 21, 15, 1));
        var breaches = await Task.WhenAll(
            first.Services.GetRequiredService<CheckServiceLevels>().RunOnceAsync(default),
            second.Services.GetRequiredService<CheckServiceLevels>().RunOnceAsync(default));
        var events = await first.QueryAsync(c => c.SlaEvents.Where(e => e.ConversationId == contact.ConversationId).Select(e => e.Kind).ToListAsync());
        var escalated = await first.ConversationAsync(contact.ConversationId);

        Assert.Equal(ParisTime(2026, 11, 21, 15, 0), conversation.FirstResponseDueAt);
        Assert.Equal(ParisTime(2026, 11, 25, 19, 0), conversation.ResolutionDueAt);
        Assert.Equal(0, tooEarly);
        Assert.Equal(1, warnings.Sum());
        Assert.Equal(0, warnedAgain);
        Assert.Equal(1, breaches.Sum());
        Assert.Equal([SlaEventKind.FirstResponseWarning, SlaEventKind.FirstResponseBreach], events.Order());
        Assert.Equal(1, escalated.Priority);
        Assert.NotNull(escalated.FirstResponseBreachedAt);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Waiting_for_the_customer_pauses_the_resolution_clock_for_the_opening_hours_it_lasted(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 19, 0));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(database, services: s => s.AddSingleton<TimeProvider>(clock));
        host.StartServer();
        var email = Contacts.NewEmail();
        var contact = await host.IngestAsync(await EmailAsync(host, clock, email));
        var dueBefore = (await host.ConversationAsync(contact.ConversationId)).ResolutionDueAt!.Value;
        clock.SetUtcNow(ParisTime(2026, 11, 21, 10, 0));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        await advisor.PostAsync($"/api/conversations/{contact.ConversationId}/replies", System.Net.Http.Json.JsonContent.Create(new { body = "Pouvez-vous préciser ?", waitForCustomer = true }));
        var paused = await host.ConversationAsync(contact.ConversationId);

        clock.SetUtcNow(ParisTime(2026, 11, 23, 10, 0));
        var afterPause = await host.CheckNothingRaisedWhilePausedAsync(contact.ConversationId);
        var reply = await host.IngestAsync(await EmailAsync(host, clock, email, paused.Messages.Single(m => m.Direction == MessageDirection.Outbound && !m.IsAutomatic).ExternalId));
        var resumed = await host.ConversationAsync(contact.ConversationId);

        Assert.Equal(ConversationStatus.WaitingForCustomer, paused.Status);
        Assert.Equal(contact.ConversationId, reply.ConversationId);
        Assert.Equal(0, afterPause);
        Assert.Null(resumed.PausedAt);
        // Paused Saturday 10:00 to Monday 10:00: 12 opening hours (Sat 10-20, Mon 8-10), added in opening hours to Wednesday 19:00.
        Assert.Equal(ParisTime(2026, 11, 25, 19, 0), dueBefore);
        Assert.Equal(ParisTime(2026, 11, 26, 19, 0), resumed.ResolutionDueAt);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_conversation_checked_again_for_its_other_clock_raises_nothing_twice_and_logs_no_error(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 19, 0));
        var logged = new ErrorsLogged();
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(database, services: s => s.AddSingleton<TimeProvider>(clock).AddSingleton<ILoggerProvider>(logged));
        host.StartServer();
        var contact = await host.IngestAsync(await EmailAsync(host, clock));
        var check = host.Services.GetRequiredService<CheckServiceLevels>();

        // First response long overdue, resolution due within the hour: the conversation stays a candidate for its resolution clock.
        clock.SetUtcNow(ParisTime(2026, 11, 25, 18, 30));
        logged.Errors.Clear(); // A new PostgreSQL database logs the missing migrations history as an error at start.
        var first = await check.RunOnceAsync(default);
        var again = await check.RunOnceAsync(default);
        var afterRestart = await host.Services.GetRequiredService<CheckServiceLevels>().RunOnceAsync(default);
        var events = await host.QueryAsync(c => c.SlaEvents.Where(e => e.ConversationId == contact.ConversationId).Select(e => e.Kind).ToListAsync());

        Assert.Equal(2, first);
        Assert.Equal(0, again);
        Assert.Equal(0, afterRestart);
        Assert.Equal([SlaEventKind.FirstResponseBreach, SlaEventKind.ResolutionWarning], events.Order());
        Assert.True(logged.Errors.IsEmpty, string.Join("\n", logged.Errors));
    }

    private static async Task<Comptoir.Features.Conversations.Ingestion.InboundContact> EmailAsync(ComptoirHost host, TimeProvider clock, string? email = null, string? inReplyTo = null)
    {
        email ??= Contacts.NewEmail();
        return new Comptoir.Features.Conversations.Ingestion.InboundContact
        {
            Channel = Channel.Email,
            ExternalId = $"<{Guid.NewGuid():N}@example.test>",
            At = clock.GetUtcNow(),
            ActivityId = await host.ActivityAsync("ECOMMERCE"),
            Subject = "Commande",
            Body = "Bonjour, ma commande n'est pas arrivée.",
            From = email,
            ReplyTo = email,
            InReplyTo = inReplyTo,
            References = inReplyTo is null ? [] : [inReplyTo],
            Identities = [(Comptoir.Features.Customers.IdentityKind.Email, email)],
        };
    }

    private static DateTimeOffset ParisTime(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Paris.GetUtcOffset(local)).ToUniversalTime();
    }
}

internal static class ServiceLevelTestExtensions
{
    /// <summary>Runs the clock check and returns the resolution events it raised for the conversation.</summary>
    public static async Task<int> CheckNothingRaisedWhilePausedAsync(this ComptoirHost host, long conversationId)
    {
        await host.Services.GetRequiredService<CheckServiceLevels>().RunOnceAsync(default);
        return await host.QueryAsync(c => c.SlaEvents.CountAsync(e => e.ConversationId == conversationId && (e.Kind == SlaEventKind.ResolutionWarning || e.Kind == SlaEventKind.ResolutionBreach)));
    }
}

/// <summary>Keeps every message logged at error level or above.</summary>
internal sealed class ErrorsLogged : ILoggerProvider
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Errors { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorsLogged logged, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logged.Errors.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
