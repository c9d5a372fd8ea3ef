/*
 * Hue Heritage analysis plugin for the Elasticsearch test server.
 *
 * The integ-test-zip distribution we run in tests ships without the
 * `analysis-common` module, so the token filters and tokenizers that
 * Wagtail's search backend puts in its index settings (asciifolding, ngram,
 * edge_ngram) are unknown there. This plugin provides just those, wrapping
 * the Lucene classes and reading the same settings as Elasticsearch's own
 * module does. It must not register a name the server already has
 * (lowercase, standard, stop, shingle, hunspell, ...): start-up would fail.
 *
 * Built and installed by scripts/service-elasticsearch.
 */
package org.hueheritage.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

public class HueAnalysisPlugin extends Plugin implements AnalysisPlugin {

    public HueAnalysisPlugin() {}

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "asciifolding", (indexSettings, env, name, settings) -> new AsciiFoldingFactory(name, settings),
            "ngram", (indexSettings, env, name, settings) -> new NGramFilterFactory(indexSettings, name, settings),
            "edge_ngram", (indexSettings, env, name, settings) -> new EdgeNGramFilterFactory(name, settings)
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "ngram", (indexSettings, env, name, settings) -> ngramTokenizer(indexSettings, name, settings),
            "edge_ngram", (indexSettings, env, name, settings) -> edgeNGramTokenizer(name, settings)
        );
    }

    // ---- shared settings helpers ------------------------------------------------------------

    private static int minGram(Settings settings) {
        return settings.getAsInt("min_gram", 1);
    }

    private static int maxGram(Settings settings) {
        return settings.getAsInt("max_gram", 2);
    }

    private static boolean preserveOriginal(Settings settings) {
        return settings.getAsBoolean("preserve_original", false);
    }

    /** Same check (and message) as Elasticsearch's analysis-common module. */
    private static void checkNgramDiff(IndexSettings indexSettings, int minGram, int maxGram, String what) {
        int allowed = indexSettings.getMaxNgramDiff();
        int diff = maxGram - minGram;
        if (diff > allowed) {
            throw new IllegalArgumentException(
                "The difference between max_gram and min_gram in " + what + " must be less than or equal to: ["
                    + allowed + "] but was [" + diff + "]. This limit can be set by changing the ["
                    + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey() + "] index level setting."
            );
        }
    }

    // ---- token filters ----------------------------------------------------------------------

    private static final class AsciiFoldingFactory extends AbstractTokenFilterFactory
        implements NormalizingTokenFilterFactory {
        private final boolean preserveOriginal;

        AsciiFoldingFactory(String name, Settings settings) {
            super(name);
            this.preserveOriginal = preserveOriginal(settings);
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new ASCIIFoldingFilter(tokenStream, preserveOriginal);
        }

        /** Used by normalizers and multi-term queries: fold, never keep the original. */
        @Override
        public TokenStream normalize(TokenStream tokenStream) {
            return new ASCIIFoldingFilter(tokenStream, false);
        }
    }

    private static final class NGramFilterFactory extends AbstractTokenFilterFactory {
        private final int minGram;
        private final int maxGram;
        private final boolean preserveOriginal;

        NGramFilterFactory(IndexSettings indexSettings, String name, Settings settings) {
            super(name);
            this.minGram = minGram(settings);
            this.maxGram = maxGram(settings);
            this.preserveOriginal = preserveOriginal(settings);
            checkNgramDiff(indexSettings, minGram, maxGram, "NGram Tokenizer");
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new NGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
        }

        @Override
        public TokenFilterFactory getSynonymFilter() {
            throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
        }
    }

    private static final class EdgeNGramFilterFactory extends AbstractTokenFilterFactory {
        private final int minGram;
        private final int maxGram;
        private final boolean preserveOriginal;

        EdgeNGramFilterFactory(String name, Settings settings) {
            super(name);
            this.minGram = minGram(settings);
            this.maxGram = maxGram(settings);
            this.preserveOriginal = preserveOriginal(settings);
            String side = settings.get("side", "front");
            if (!"front".equals(side)) {
                throw new IllegalArgumentException(
                    "side [" + side + "] is not supported by the hue-analysis edge_ngram filter; only [front] is"
                );
            }
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new EdgeNGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
        }

        @Override
        public TokenFilterFactory getSynonymFilter() {
            throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
        }
    }

    // ---- tokenizers -------------------------------------------------------------------------

    private static TokenizerFactory ngramTokenizer(IndexSettings indexSettings, String name, Settings settings) {
        int min = minGram(settings);
        int max = maxGram(settings);
        checkNgramDiff(indexSettings, min, max, "NGram Tokenizer");
        IntPredicate tokenChar = tokenChars(settings);
        Supplier<Tokenizer> supplier = tokenChar == null
            ? () -> new NGramTokenizer(min, max)
            : () -> new NGramTokenizer(min, max) {
                @Override
                protected boolean isTokenChar(int chr) {
                    return tokenChar.test(chr);
                }
            };
        return TokenizerFactory.newFactory(name, supplier);
    }

    private static TokenizerFactory edgeNGramTokenizer(String name, Settings settings) {
        int min = minGram(settings);
        int max = maxGram(settings);
        IntPredicate tokenChar = tokenChars(settings);
        Supplier<Tokenizer> supplier = tokenChar == null
            ? () -> new EdgeNGramTokenizer(min, max)
            : () -> new EdgeNGramTokenizer(min, max) {
                @Override
                protected boolean isTokenChar(int chr) {
                    return tokenChar.test(chr);
                }
            };
        return TokenizerFactory.newFactory(name, supplier);
    }

    /** `token_chars`: letter, digit, whitespace, punctuation, symbol. Null when unset (every char counts). */
    private static IntPredicate tokenChars(Settings settings) {
        List<String> classes = settings.getAsList("token_chars", List.of());
        if (classes.isEmpty()) {
            return null;
        }
        IntPredicate result = chr -> false;
        for (String cls : classes) {
            result = result.or(tokenCharClass(cls.toLowerCase(Locale.ROOT)));
        }
        return result;
    }

    private static IntPredicate tokenCharClass(String cls) {
        switch (cls) {
            case "letter":
                return Character::isLetter;
            case "digit":
                return Character::isDigit;
            case "whitespace":
                return Character::isWhitespace;
            case "punctuation":
                return chr -> switch (Character.getType(chr)) {
                    case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                        Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                        Character.FINAL_QUOTE_PUNCTUATION -> true;
                    default -> false;
                };
            case "symbol":
                return chr -> switch (Character.getType(chr)) {
                    case Character.CURRENCY_SYMBOL, Character.MATH_SYMBOL, Character.OTHER_SYMBOL,
                        Character.MODIFIER_SYMBOL -> true;
                    default -> false;
                };
            default:
                throw new IllegalArgumentException(
                    "Unknown token type: '" + cls + "', must be one of [letter, digit, whitespace, punctuation, symbol]"
                );
        }
    }
}
