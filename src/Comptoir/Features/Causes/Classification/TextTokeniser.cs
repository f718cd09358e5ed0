using System.Globalization;

namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Splits folded text into word tokens. A token is a run of letters and digits, so versions and codes stay
/// whole ("3ds2", "ios", "17.2": a dot or comma between two digits is kept, as a dot). French elisions are
/// dropped ("l'appli", "qu'il", "j'ai" give "appli", "il", "ai"); any other apostrophe inside a word is
/// removed ("don't" gives "dont"). Currency signs are tokens of their own.
/// </summary>
internal static class TextTokeniser
{
    private const int MaxTokenLength = 40;

    public static void Tokenise(string text, TokenBuffer tokens)
    {
        tokens.Clear();
        var source = TextFolding.Normalise(text);
        tokens.EnsureCharCapacity(source.Length * 2 + 8);
        var chars = tokens.Chars;
        Span<char> folded = stackalloc char[4];
        var position = 0;
        var tokenStart = -1;

        for (var i = 0; i < source.Length; i++)
        {
            var count = TextFolding.Fold(source[i], folded);
            for (var k = 0; k < count; k++)
            {
                var c = folded[k];
                if (char.IsLetterOrDigit(c))
                {
                    if (tokenStart < 0)
                    {
                        tokenStart = position;
                    }

                    chars[position++] = c;
                    continue;
                }

                var nextIsLetterOrDigit = i + 1 < source.Length && char.IsLetterOrDigit(source[i + 1]);
                if (tokenStart >= 0 && nextIsLetterOrDigit && IsApostrophe(c))
                {
                    if (IsElision(chars.AsSpan(tokenStart, position - tokenStart)))
                    {
                        position = tokenStart;
                        tokenStart = -1;
                    }

                    continue;
                }

                if (tokenStart >= 0 && (c == '.' || c == ',') && char.IsAsciiDigit(chars[position - 1])
                    && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1]))
                {
                    chars[position++] = '.';
                    continue;
                }

                if (tokenStart >= 0)
                {
                    tokens.Add(tokenStart, Math.Min(position - tokenStart, MaxTokenLength));
                    tokenStart = -1;
                }

                if (char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol)
                {
                    chars[position] = c;
                    tokens.Add(position, 1);
                    position++;
                }
            }
        }

        if (tokenStart >= 0)
        {
            tokens.Add(tokenStart, Math.Min(position - tokenStart, MaxTokenLength));
        }
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018' or '`' or '\u00B4';

    /// <summary>French words written with an apostrophe before a vowel: l', d', j', m', n', s', t', c', qu', jusqu'…</summary>
    private static bool IsElision(ReadOnlySpan<char> word) => word.Length switch
    {
        1 => word[0] is 'l' or 'd' or 'j' or 'm' or 'n' or 's' or 't' or 'c',
        2 => word is "qu",
        _ => word is "jusqu" or "lorsqu" or "puisqu" or "quoiqu" or "presqu",
    };

    /// <summary>Human-readable tokens, for tests and diagnostics.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var buffer = new TokenBuffer();
        Tokenise(text, buffer);
        var result = new string[buffer.Count];
        for (var i = 0; i < buffer.Count; i++)
        {
            result[i] = buffer.Token(i).ToString();
        }

        return result;
    }
}

/// <summary>Reusable storage for the tokens of one text: folded characters and (start, length) pairs.</summary>
internal sealed class TokenBuffer
{
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private char[] _joined = new char[512];

    public char[] Chars { get; private set; } = new char[512];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void EnsureCharCapacity(int length)
    {
        if (Chars.Length < length)
        {
            Chars = new char[Math.Max(length, Chars.Length * 2)];
        }
    }

    public void Add(int start, int length)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        _starts[Count] = start;
        _lengths[Count] = length;
        Count++;
    }

    public ReadOnlySpan<char> Token(int index) => Chars.AsSpan(_starts[index], _lengths[index]);

    /// <summary>The tokens joined by single spaces, in a buffer of its own.</summary>
    public ReadOnlySpan<char> Joined()
    {
        var length = 0;
        for (var i = 0; i < Count; i++)
        {
            length += _lengths[i] + (i > 0 ? 1 : 0);
        }

        if (_joined.Length < length)
        {
            _joined = new char[Math.Max(length, _joined.Length * 2)];
        }

        var position = 0;
        for (var i = 0; i < Count; i++)
        {
            if (i > 0)
            {
                _joined[position++] = ' ';
            }

            Token(i).CopyTo(_joined.AsSpan(position));
            position += _lengths[i];
        }

        return _joined.AsSpan(0, position);
    }
}
