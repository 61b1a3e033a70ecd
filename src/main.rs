fn main() {
    println!("caatsa-screen");
}
