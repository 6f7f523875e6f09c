#include "attention/analysis.hpp"

#include "attention/model.hpp"
#include "core/error.hpp"
#include "naive.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <optional>

using namespace attnreel::attention;

namespace {

// The figures straight from their definitions: a row counts where it sees at least two keys
// (here: where its weights are not 0) and sees the key the figure measures; the sink leaves
// out rows where key 0 is the query itself or its predecessor.
struct NaiveScores {
    double entropy = 0, distance = 0;
    std::optional<double> self, previous, sink;
};

std::optional<double> mean_of(const std::vector<double>& values) {
    if (values.empty()) return std::nullopt;
    double total = 0;
    for (double v : values) total += v;
    return total / static_cast<double>(values.size());
}

NaiveScores naive_scores(const Eigen::MatrixXd& A) {
    NaiveScores s;
    const auto n = static_cast<double>(A.rows());
    std::vector<double> self, previous, sink;
    for (Eigen::Index i = 0; i < A.rows(); ++i) {
        int visible = 0;
        for (Eigen::Index j = 0; j < A.cols(); ++j) {
            if (A(i, j) > 0) {
                s.entropy -= A(i, j) * std::log2(A(i, j)) / n;
                ++visible;
            }
            s.distance += A(i, j) * std::abs(static_cast<double>(i - j)) / n;
        }
        if (visible < 2) continue;
        if (A(i, i) > 0) self.push_back(A(i, i));
        if (i >= 1 && A(i, i - 1) > 0) previous.push_back(A(i, i - 1));
        if (i >= 2 && A(i, 0) > 0) sink.push_back(A(i, 0));
    }
    s.self = mean_of(self);
    s.previous = mean_of(previous);
    s.sink = mean_of(sink);
    return s;
}

std::vector<std::string> letters(const std::string& text) {
    std::vector<std::string> tokens;
    for (char c : text) tokens.emplace_back(1, c);
    return tokens;
}

// A head that puts nearly all of each row on `target(i)` among the keys `mask` allows.
template <typename Target>
Eigen::MatrixXd sharp_head(const Mask& mask, Target target) {
    Eigen::MatrixXd logits = Eigen::MatrixXd::Zero(mask.rows(), mask.cols());
    for (Eigen::Index i = 0; i < mask.rows(); ++i)
        if (const Eigen::Index j = target(i); j >= 0 && mask(i, j)) logits(i, j) = 8;
    return naive::softmax(logits, mask);
}

AnalysisContext self_context(const std::vector<std::string>& tokens, const Mask& visible) {
    AnalysisContext context;
    context.queries = context.keys = tokens;
    context.visible = visible;
    return context;
}

}  // namespace

TEST_CASE("head scores match their naive definitions on random attention", "[analysis]") {
    std::mt19937_64 rng(41);
    for (const MaskKind kind : {MaskKind::none, MaskKind::causal, MaskKind::local}) {
        const Eigen::MatrixXd A = naive::random_attention(rng, make_mask({kind, 2, {}, {}}, 8, 8));
        const HeadAnalysis head = analyze_head(A, letters("abcdefgh"));
        const NaiveScores expected = naive_scores(A);
        CHECK(head.entropy == Approx(expected.entropy));
        REQUIRE(head.mean_distance);
        CHECK(*head.mean_distance == Approx(expected.distance));
        REQUIRE(head.self);
        REQUIRE(head.previous);
        REQUIRE(head.sink.has_value() == expected.sink.has_value());
        CHECK(*head.self == Approx(*expected.self));
        CHECK(*head.previous == Approx(*expected.previous));
        if (expected.sink) CHECK(*head.sink == Approx(*expected.sink));
    }
}

TEST_CASE("the identity head has zero entropy and distance and full self score where it could look elsewhere",
          "[analysis]") {
    const Eigen::MatrixXd I = Eigen::MatrixXd::Identity(5, 5);
    const HeadAnalysis head = analyze_head(I, self_context(letters("abcde"), Mask::Constant(5, 5, true)));
    CHECK(head.entropy == 0.0);
    CHECK(head.mean_distance == 0.0);
    CHECK(head.self == 1.0);
    CHECK(head.previous == 0.0);
    CHECK(head.sink == 0.0);
    // Taken from its weights alone, no row had a choice: the figures do not apply.
    const HeadAnalysis unmasked = analyze_head(I, letters("abcde"));
    CHECK_FALSE(unmasked.self.has_value());
    CHECK_FALSE(unmasked.previous.has_value());
    CHECK_FALSE(unmasked.sink.has_value());
}

TEST_CASE("a uniform causal head has the mean of log2(i + 1) bits as entropy", "[analysis]") {
    const Mask causal = make_mask({MaskKind::causal, 1, {}, {}}, 4, 4);
    const Eigen::MatrixXd A = naive::softmax(Eigen::MatrixXd::Zero(4, 4), causal);
    const HeadAnalysis head = analyze_head(A, self_context(letters("abcd"), causal));
    CHECK(head.entropy == Approx((std::log2(1.0) + std::log2(2.0) + std::log2(3.0) + std::log2(4.0)) / 4));
    // rows: [0], [1/2·1], [1/3·(2+1)], [1/4·(3+2+1)] → (0 + 0.5 + 1 + 1.5) / 4
    CHECK(*head.mean_distance == Approx(0.75));
    // Row 0 has no choice; the sink counts rows 2 and 3 only (row 1's key 0 is its predecessor).
    CHECK(*head.sink == Approx((1.0 / 3 + 0.25) / 2));
    CHECK(*head.previous == Approx((0.5 + 1.0 / 3 + 0.25) / 3));
    CHECK(*head.self == Approx((0.5 + 1.0 / 3 + 0.25) / 3));
}

TEST_CASE("a previous-token head under a causal mask is not a sink head", "[analysis]") {
    // Row 1 can only look back at token 0: that is its previous token, not a sink.
    const Mask causal = make_mask({MaskKind::causal, 1, {}, {}}, 6, 6);
    const auto tokens = letters("abcdef");
    const Eigen::MatrixXd A = sharp_head(causal, [](Eigen::Index i) { return i - 1; });
    const HeadAnalysis head = analyze_head(A, self_context(tokens, causal));
    CHECK(*head.previous > 0.95);
    CHECK(*head.sink < 0.05);
    CHECK_FALSE(head.induction.has_value());
    AttentionStack stack = {{A}};
    const ModelAnalysis analysis = analyze_attention(stack, self_context(tokens, causal));
    REQUIRE(analysis.specialised.size() == 1);
    CHECK(analysis.specialised[0].role == "previous_token");
    CHECK(analysis.specialised[0].score == Approx(*head.previous));
}

TEST_CASE("a sink head is one, while a local head that sees token 0 only as a neighbour is not", "[analysis]") {
    const Mask causal = make_mask({MaskKind::causal, 1, {}, {}}, 6, 6);
    const auto tokens = letters("abcdef");
    const Eigen::MatrixXd sink = sharp_head(causal, [](Eigen::Index) { return 0; });
    CHECK(*analyze_head(sink, self_context(tokens, causal)).sink > 0.95);
    // A causal window of two: rows 1 and 2 see token 0 only as themselves or a neighbour.
    const Mask window = make_mask({MaskKind::causal_local, 1, {}, {}}, 6, 6);
    const Eigen::MatrixXd local = naive::softmax(Eigen::MatrixXd::Zero(6, 6), window);
    const HeadAnalysis head = analyze_head(local, self_context(tokens, window));
    CHECK_FALSE(head.sink.has_value());
}

TEST_CASE("the punctuation score is the weight on punctuation after the first token", "[analysis]") {
    const std::vector<std::string> tokens = {"I", "think", ",", "so", "I", "am", "."};
    const Mask causal = make_mask({MaskKind::causal, 1, {}, {}}, 7, 7);
    const Eigen::MatrixXd A = sharp_head(causal, [](Eigen::Index i) { return i >= 3 ? 2 : 0; });
    const HeadAnalysis head = analyze_head(A, self_context(tokens, causal));
    REQUIRE(head.punctuation);
    CHECK(*head.punctuation > 0.95);  // rows 4..6 see ',' as neither themselves nor their predecessor
    CHECK_FALSE(analyze_head(A, self_context(letters("abcdefg"), causal)).punctuation.has_value());
}

TEST_CASE("the induction score is the weight on the successors of earlier occurrences", "[analysis]") {
    // a b c a b: query 3 ('a') should look at 1 ('b', after the earlier 'a'); query 4 ('b')
    // at 2 ('c', after the earlier 'b').
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(5, 5);
    A(0, 0) = 1;
    A(1, 0) = 1;
    A(2, 1) = 1;
    A(3, 1) = 0.6;
    A(3, 3) = 0.4;
    A(4, 2) = 0.9;
    A(4, 0) = 0.1;
    const HeadAnalysis head = analyze_head(A, letters("abcab"));
    REQUIRE(head.induction);
    CHECK(*head.induction == Approx((0.6 + 0.9) / 2));
}

TEST_CASE("a token repeated three times counts every earlier successor once", "[analysis]") {
    // a x a y a: query 4 looks at 1 ('x') and 3 ('y').
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(5, 5);
    for (Eigen::Index i = 0; i < 5; ++i) A(i, 0) = 1;
    A(4, 0) = 0.2;
    A(4, 1) = 0.3;
    A(4, 3) = 0.5;
    A(2, 0) = 0.5;
    A(2, 1) = 0.5;
    const HeadAnalysis head = analyze_head(A, letters("axaya"));
    REQUIRE(head.induction);
    CHECK(*head.induction == Approx((0.5 + 0.8) / 2));
}

TEST_CASE("the induction score is absent when no token repeats", "[analysis]") {
    const HeadAnalysis head = analyze_head(Eigen::MatrixXd::Identity(4, 4), letters("abcd"));
    CHECK_FALSE(head.induction.has_value());
}

TEST_CASE("analysing a model covers every layer and head and rolls out", "[analysis]") {
    ModelSpec spec;
    spec.tokens = {"a", "b", "c", "a", "b"};
    spec.d_model = 8;
    spec.heads = 2;
    spec.layers = 3;
    spec.mask.kind = MaskKind::causal;
    const ModelAnalysis analysis = analyze_model(build_model(spec));
    REQUIRE(analysis.layers.size() == 3);
    for (const auto& layer : analysis.layers) {
        REQUIRE(layer.size() == 2);
        for (const HeadAnalysis& head : layer) {
            CHECK(head.pattern.has_value());
            CHECK(head.induction.has_value());
        }
    }
    CHECK(analysis.rollout.rows() == 5);
    CHECK(analysis.distance_profile.rows() == 3);
    CHECK(analysis.distance_profile.cols() == 5);
}

TEST_CASE("cross-attention heads are scored by entropy, alignment and coverage, without self-only figures",
          "[analysis]") {
    ModelSpec spec;
    spec.tokens = {"a", "b", "c"};
    spec.source_tokens = {"x", "y", "z", "w"};
    spec.d_model = 4;
    spec.heads = 1;
    const ModelAnalysis analysis = analyze_model(build_model(spec));
    CHECK_FALSE(analysis.layers[0][0].pattern.has_value());
    CHECK_FALSE(analysis.layers[0][0].induction.has_value());
    CHECK_FALSE(analysis.layers[0][0].self.has_value());
    CHECK_FALSE(analysis.layers[0][0].previous.has_value());
    CHECK_FALSE(analysis.layers[0][0].mean_distance.has_value());
    CHECK(analysis.rollout.size() == 0);
    CHECK(analysis.distance_profile.size() == 0);
    CHECK(std::isfinite(analysis.layers[0][0].entropy));
    REQUIRE(analysis.layers[0][0].alignment);
    REQUIRE(analysis.layers[0][0].coverage);
    CHECK(*analysis.layers[0][0].alignment >= 0.0);
    CHECK(*analysis.layers[0][0].alignment <= 1.0);
}

TEST_CASE("a cross-attention head on the scaled diagonal is aligned and covers every key", "[analysis]") {
    // 3 queries over 5 keys: query i looks at key 2i, the proportional diagonal.
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(3, 5);
    A(0, 0) = 1;
    A(1, 2) = 1;
    A(2, 4) = 1;
    AnalysisContext context;
    context.queries = letters("abc");
    context.keys = letters("vwxyz");
    context.cross = true;
    const HeadAnalysis head = analyze_head(A, context);
    CHECK(*head.alignment == Approx(1.0));
    CHECK(*head.coverage == Approx(3.0 / 5));
    Eigen::MatrixXd reversed = A.rowwise().reverse();
    CHECK(*analyze_head(reversed, context).alignment == Approx(1.0 / 3));  // only the middle row
}

TEST_CASE("the distance profile is the mean weight on a visible key d positions away, by layer", "[analysis]") {
    const Mask causal = make_mask({MaskKind::causal, 1, {}, {}}, 3, 3);
    const Eigen::MatrixXd uniform = naive::softmax(Eigen::MatrixXd::Zero(3, 3), causal);
    const Eigen::MatrixXd previous = sharp_head(causal, [](Eigen::Index i) { return i - 1; });
    const AttentionStack stack = {{uniform}, {uniform, previous}};
    const ModelAnalysis analysis = analyze_attention(stack, self_context(letters("abc"), causal));
    REQUIRE(analysis.distance_profile.rows() == 2);
    REQUIRE(analysis.distance_profile.cols() == 3);
    // Layer 0: d = 0 over (0,0) (1,1) (2,2): (1 + 1/2 + 1/3) / 3; d = 1 over (1,0) (2,1); d = 2 over (2,0).
    CHECK(analysis.distance_profile(0, 0) == Approx((1 + 0.5 + 1.0 / 3) / 3));
    CHECK(analysis.distance_profile(0, 1) == Approx((0.5 + 1.0 / 3) / 2));
    CHECK(analysis.distance_profile(0, 2) == Approx(1.0 / 3));
    // Layer 1 averages its two heads over the same pairs.
    double d1 = 0;
    for (const Eigen::MatrixXd* A : {&uniform, &previous}) d1 += (*A)(1, 0) + (*A)(2, 1);
    CHECK(analysis.distance_profile(1, 1) == Approx(d1 / 4));
}

TEST_CASE("a layer's figure is the mean over the heads it applies to", "[analysis]") {
    std::vector<HeadAnalysis> heads(3);
    heads[0].induction = 0.2;
    heads[2].induction = 0.6;
    CHECK(*layer_mean(heads, &HeadAnalysis::induction) == Approx(0.4));
    CHECK_FALSE(layer_mean(heads, &HeadAnalysis::alignment).has_value());
}

TEST_CASE("an empty attention matrix is an input error", "[analysis]") {
    CHECK_THROWS_AS(analyze_head(Eigen::MatrixXd(0, 0), std::vector<std::string>{}), attnreel::InputError);
}
