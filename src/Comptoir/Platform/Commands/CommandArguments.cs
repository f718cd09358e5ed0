using System.Globalization;

namespace Comptoir.Platform.Commands;

/// <summary>The <c>--name value</c> options that follow a command's name.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    public CommandArguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    _options[pending] = "true";
                }

                var option = arg[2..];
                var equals = option.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    _options[option[..equals]] = option[(equals + 1)..];
                    pending = null;
                }
                else
                {
                    pending = option;
                }
            }
            else if (pending is not null)
            {
                _options[pending] = arg;
                pending = null;
            }
            else
            {
                throw new CommandException($"Unexpected argument '{arg}'. Options are written --name value.");
            }
        }

        if (pending is not null)
        {
            _options[pending] = "true";
        }
    }

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Require(string name) =>
        Get(name) ?? throw new CommandException($"The option --{name} is required.");

    public int GetInt(string name, int fallback)
    {
        var value = Get(name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CommandException($"--{name} must be a whole number, not '{value}'.");
    }
}

/// <summary>A mistake in how a command was called; reported to the person without a stack trace.</summary>
public sealed class CommandException(string message) : Exception(message);
