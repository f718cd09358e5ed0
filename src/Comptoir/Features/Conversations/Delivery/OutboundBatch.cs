namespace Comptoir.Features.Conversations.Delivery;

/// <summary>
/// What senders keep open while the outbox goes through one batch of messages (an SMTP connection), closed
/// when the batch ends. One batch, one caller.
/// </summary>
public sealed class OutboundBatch : IAsyncDisposable
{
    private readonly Dictionary<Type, IAsyncDisposable> _resources = [];

    /// <summary>The batch's resource of this type, created on first use.</summary>
    public T Get<T>(Func<T> create)
        where T : class, IAsyncDisposable
    {
        if (!_resources.TryGetValue(typeof(T), out var resource))
        {
            resource = create();
            _resources[typeof(T)] = resource;
        }

        return (T)resource;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in _resources.Values)
        {
            await resource.DisposeAsync();
        }

        _resources.Clear();
    }
}
