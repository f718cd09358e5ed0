using System.Collections.Frozen;
using System.Globalization;
using Comptoir.Features.Causes.Classification;
using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Causes;

/// <summary>
/// The newest trained model and the causes currently in a top 5, held in memory by each instance and
/// refreshed every few seconds from the database, so that predicting a cause on the ingestion path costs
/// no round trip. A model's labels are cause ids.
/// </summary>
public sealed class CauseClassifier(IOptions<CauseOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private State _state = State.Empty;

    public sealed record State(int? Version, CauseModel? Model, FrozenSet<int> ActiveCauses, FrozenSet<int> PriorityCauses, DateTimeOffset CheckedAt)
    {
        public static readonly State Empty = new(null, null, FrozenSet<int>.Empty, FrozenSet<int>.Empty, DateTimeOffset.MinValue);
    }

    public void Dispose() => _refreshing.Dispose();

    /// <summary>Forgets what is held, so that the next use reads the database (after training or a digest).</summary>
    public void Invalidate() => _state = _state with { CheckedAt = DateTimeOffset.MinValue };

    public async ValueTask<State> CurrentAsync(ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var state = _state;
        if (time.GetUtcNow() - state.CheckedAt < TimeSpan.FromSeconds(options.Value.RefreshSeconds))
        {
            return state;
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            state = _state;
            var now = time.GetUtcNow();
            if (now - state.CheckedAt < TimeSpan.FromSeconds(options.Value.RefreshSeconds))
            {
                return state;
            }

            var causes = await db.Causes.AsNoTracking().Where(c => c.Active).Select(c => new { c.Id, Priority = c.PrioritySince != null }).ToListAsync(cancellationToken);
            var version = await db.CauseModels.MaxAsync(m => (int?)m.Id, cancellationToken);
            var model = state.Model;
            if (version != state.Version)
            {
                var bytes = await db.CauseModels.Where(m => m.Id == version).Select(m => m.Model).SingleOrDefaultAsync(cancellationToken);
                model = bytes is null ? null : CauseModel.Deserialize(bytes);
            }

            _state = new State(version, model, causes.Select(c => c.Id).ToFrozenSet(), causes.Where(c => c.Priority).Select(c => c.Id).ToFrozenSet(), now);
            return _state;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Predicts the cause of a new conversation from the customer's words and flags it if it is in a top 5.</summary>
    public void Classify(State state, Conversation conversation, string? subject, string body)
    {
        if (state.Model is null)
        {
            return;
        }

        var text = string.IsNullOrWhiteSpace(subject) ? body : subject + "\n" + body;
        if (text.Trim().Length < 3)
        {
            return;
        }

        var prediction = state.Model.Predict(text);
        if (!int.TryParse(prediction.Label, NumberStyles.None, CultureInfo.InvariantCulture, out var causeId) || !state.ActiveCauses.Contains(causeId))
        {
            // The cause was retired after the model was trained: the advisor picks a current one.
            conversation.CauseState = CauseState.ToReview;
            conversation.CauseModelVersionId = state.Version;
            return;
        }

        conversation.CauseId = causeId;
        conversation.CauseConfidence = Math.Round(prediction.Confidence, 4);
        conversation.CauseModelVersionId = state.Version;
        conversation.CauseState = prediction.Confidence >= options.Value.ReviewBelow ? CauseState.Predicted : CauseState.ToReview;
        if (state.PriorityCauses.Contains(causeId))
        {
            conversation.Priority |= ConversationPriority.TopCause;
        }
    }
}
